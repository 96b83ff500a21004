/** The units a document is cut into for coding. */
export type Unit = 'paragraph' | 'turn' | 'sentence';
export const UNITS: readonly Unit[] = ['paragraph', 'turn', 'sentence'];
