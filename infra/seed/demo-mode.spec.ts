import { demoMode, DemoModeError, requireDemoMode } from './demo-mode';

describe('demo mode (who may seed the demo region and its accounts)', () => {
  it('is on by default for npm start, and says so', () => {
    const mode = demoMode({}, { defaultOn: true });
    expect(mode.on).toBe(true);
    expect(mode.reason).toMatch(/Demo mode is on.*TAIZHANG_DEMO=false/);
  });

  it('is never on with NODE_ENV=production, even with TAIZHANG_DEMO=true', () => {
    expect(demoMode({ NODE_ENV: 'production' }, { defaultOn: true }).on).toBe(false);
    const asked = demoMode({ NODE_ENV: 'production', TAIZHANG_DEMO: 'true' }, { defaultOn: true });
    expect(asked.on).toBe(false);
    expect(asked.reason).toContain('NODE_ENV=production');
  });

  it('is off with TAIZHANG_DEMO=false', () => {
    const mode = demoMode({ TAIZHANG_DEMO: 'false' }, { defaultOn: true });
    expect(mode.on).toBe(false);
    expect(mode.reason).toContain('TAIZHANG_DEMO=false');
  });

  it('is off by default elsewhere (docker compose), on with TAIZHANG_DEMO=true', () => {
    expect(demoMode({}, { defaultOn: false }).on).toBe(false);
    expect(demoMode({ TAIZHANG_DEMO: 'true' }, { defaultOn: false }).on).toBe(true);
  });

  it('refuses a value that is neither true nor false', () => {
    expect(() => demoMode({ TAIZHANG_DEMO: 'yes' }, { defaultOn: true })).toThrow(
      new DemoModeError('TAIZHANG_DEMO must be true or false, not "yes"'),
    );
  });

  it('keeps the seed scripts themselves from running outside demo mode', () => {
    expect(() => requireDemoMode({})).toThrow(DemoModeError);
    expect(() => requireDemoMode({ TAIZHANG_DEMO: 'true', NODE_ENV: 'production' })).toThrow(
      /NODE_ENV=production/,
    );
    expect(() => requireDemoMode({ TAIZHANG_DEMO: 'true' })).not.toThrow();
  });
});
