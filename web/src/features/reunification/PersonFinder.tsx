import { Badge, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { usePersonSearch } from './api';
import { nameOf } from './types';

/** Finds a registered person by name (any spelling or script) or card code, and picks one. */
export function PersonFinder({
  label,
  pick,
  onPick,
}: {
  label: string;
  pick: string;
  onPick: (id: string) => void;
}) {
  const [q, setQ] = useState('');
  const results = usePersonSearch(q);
  return (
    <Card withBorder>
      <Stack gap="sm">
        <TextInput label={label} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
        {results.data?.items.map((hit) => (
          <Group key={hit.id} justify="space-between" data-testid="person-hit">
            <Group gap="xs">
              <Text dir="auto">{nameOf(hit)}</Text>
              <Badge variant="outline" ff="monospace" dir="ltr">
                {hit.code}
              </Badge>
              {hit.age !== null && (
                <Text size="sm" c="dimmed">
                  {hit.age}
                </Text>
              )}
            </Group>
            <Button size="xs" variant="light" onClick={() => onPick(hit.id)}>
              {pick}
            </Button>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
