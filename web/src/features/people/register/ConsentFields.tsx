import { Checkbox, NativeSelect, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CONSENT_BASES, CONSENT_PURPOSES, type ConsentBasis, type ConsentPurpose } from '../types';

interface Props {
  basis: ConsentBasis | '';
  purposes: ConsentPurpose[];
  onBasis: (basis: ConsentBasis | '') => void;
  onPurposes: (purposes: ConsentPurpose[]) => void;
  errors: { basis?: string; purposes?: string };
}

/** Legal basis and the purposes it covers; nothing is pre-selected (consent is asked, not assumed). */
export function ConsentFields({ basis, purposes, onBasis, onPurposes, errors }: Props) {
  const { t } = useTranslation('people');
  return (
    <Stack gap="sm">
      <NativeSelect
        label={t('fields.legalBasis')}
        value={basis}
        onChange={(e) => onBasis(e.currentTarget.value as ConsentBasis | '')}
        data={[
          { value: '', label: '—' },
          ...CONSENT_BASES.map((b) => ({ value: b, label: t(`bases.${b}`) })),
        ]}
        error={errors.basis}
      />
      <Checkbox.Group
        label={t('fields.purposes')}
        value={purposes}
        onChange={(value) => onPurposes(value as ConsentPurpose[])}
        error={errors.purposes}
      >
        <Stack gap={6} mt={6}>
          {CONSENT_PURPOSES.map((purpose) => (
            <Checkbox key={purpose} value={purpose} label={t(`purposes.${purpose}`)} />
          ))}
        </Stack>
      </Checkbox.Group>
    </Stack>
  );
}
