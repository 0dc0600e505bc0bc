export * from './import/import-result';
export * from './import/import-runner';
export * from './import/in-flight-work';
export * from './import/row-reason-code';
export * from './read/sheet.error';
export * from './read/sheet-reader';
export * from './read/workbook-size';
export * from './write/sheet-writer';
