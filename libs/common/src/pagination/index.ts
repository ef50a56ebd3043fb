export * from './cursor.codec';
export * from './page.args';
export * from './page-info.type';
export * from './connection.factory';
export * from './paginate.query';
export * from './connection-from-array';
