export { LiveController } from './live.controller';
export { LivePublisher } from './live-publisher';
export { LiveStream } from './live-stream';
