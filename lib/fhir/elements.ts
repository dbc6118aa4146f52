/** `items`, or undefined when there are none: FHIR forbids empty arrays. */
export const listOrAbsent = <T>(items: T[]): T[] | undefined => (items.length ? items : undefined);
