import type { AuditStrings } from './en';

export const ar: AuditStrings = {
  title: 'سجل التدقيق',
  intro:
    'كل تسجيل دخول وكل رفض وكل اطلاع على بيانات شخصية أو تعديل لها، من الأحدث إلى الأقدم. لا تحتوي الإدخالات على أي بيانات شخصية ولا يمكن تعديلها.',
  filters: {
    title: 'عوامل التصفية',
    actorId: 'معرّف المستخدم',
    entity: 'الكيان',
    entityPlaceholder: 'مثل person أو user أو case',
    entityId: 'معرّف السجل',
    action: 'الإجراء',
    actionPlaceholder: 'مثل auth.login أو person.read',
    from: 'من',
    to: 'إلى',
    apply: 'تطبيق التصفية',
    clear: 'مسح التصفية',
  },
  columns: {
    seq: 'الرقم',
    at: 'الوقت',
    actor: 'المستخدم',
    action: 'الإجراء',
    entity: 'الكيان',
    entityId: 'السجل',
    purpose: 'الغرض',
    details: 'التفاصيل',
    requestId: 'الطلب',
  },
  system: 'النظام',
  filterByActor: 'عرض إدخالات هذا المستخدم فقط',
  empty: 'لا توجد إدخالات تطابق عوامل التصفية هذه. وسّع نطاق التواريخ أو امسح التصفية.',
  shown: 'عدد الإدخالات المعروضة: {{count}}',
  errors: {
    validation_failed: 'بعض عوامل التصفية غير صالحة.',
  },
};
