export const unionStreamId = (unionId: string): string => `union-${unionId}`;
