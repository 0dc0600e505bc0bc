import { servicePath } from './service-proxy';

describe('servicePath', () => {
  it.each([
    ['/api/organisation/unions/1', '/unions/1'],
    ['/api/organisation/unions/1?x=2', '/unions/1?x=2'],
    ['/api/organisation', '/'],
    ['/api/organisation?x=1', '/?x=1'],
    ['/api/organisation/', '/'],
  ])('forwards %s as %s', (url, path) => {
    expect(servicePath(url)).toBe(path);
  });
});
