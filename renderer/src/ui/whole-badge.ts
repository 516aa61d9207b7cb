/**
 * Style for a status badge that must show its whole word: Mantine's badge cuts its label with an
 * ellipsis when its column or row narrows ("SIG…", "NOT ASK…"), so it keeps the width of its
 * text and the table or row around it makes room.
 */
export const wholeBadge = { minWidth: 'max-content', overflow: 'visible' } as const;
