/** Reading the interactive figures' directive options: lists of numbers, numbers from 0 to 1. */

/** The items of a list written with spaces or commas. */
export function list(value: string | undefined): string[] {
  return (value ?? '').split(/[\s,]+/).filter((item) => item !== '');
}

/** Whether `item` is written as a number from 0 to 1 (`0.35`, `.35`, `1`). */
export const isUnitNumber = (item: string) => /^(0|1)?(\.\d+)?$/.test(item) && item !== '' && item !== '.' && Number(item) <= 1;
