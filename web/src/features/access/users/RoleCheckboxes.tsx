import { Checkbox, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../api/types';
import { ROLE_OPTIONS } from '../roles';

interface Props {
  label: string;
  description?: string;
  value: Role[];
  onChange: (roles: Role[]) => void;
  error?: string;
}

/** The ten roles as checkboxes with their translated names (easier on a phone than a dropdown). */
export function RoleCheckboxes({ label, description, value, onChange, error }: Props) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group
      label={label}
      description={description}
      value={value}
      onChange={(next) => onChange(ROLE_OPTIONS.filter((role) => next.includes(role)))}
      error={error}
    >
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" verticalSpacing="xs" mt="xs">
        {ROLE_OPTIONS.map((role) => (
          <Checkbox key={role} value={role} label={t(`roles.${role}`)} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}
