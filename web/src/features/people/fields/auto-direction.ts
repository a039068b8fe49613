/**
 * `ref` for a text input holding a name in any script: the browser then lays the text out by its
 * own first strong character (Arabic right to left, Latin left to right). Mantine puts a `dir`
 * prop on the input's wrapper, where `auto` cannot see the input's value, so it is set here.
 */
export function autoDirection(input: HTMLInputElement | null): void {
  input?.setAttribute('dir', 'auto');
}
