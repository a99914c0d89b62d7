import { isLinkLocalOrMetadata, isPublicAddress, refusedTarget } from './webhook-targets';

describe('webhook targets', () => {
  it.each([
    ['8.8.8.8', true],
    ['2001:4860:4860::8888', true],
    ['127.0.0.1', false],
    ['127.0.1.1', false],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['224.0.0.1', false],
    ['::1', false],
    ['fe80::1', false],
    ['fd00::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:8.8.8.8', true],
    ['2002:7f00:1::', false],
    ['::127.0.0.1', false],
    ['::7f00:1', false],
    ['::8.8.8.8', true],
    ['::a9fe:a9fe', false],
    ['fd00:ec2::254', false],
    ['100.100.100.200', false],
    ['not-an-address', false],
  ])('%s is public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });

  it('refuses internal hosts written into a URL only under the public policy', () => {
    for (const url of ['http://127.0.0.1:8080/hook', 'https://[::1]/hook', 'http://localhost:3000/x', 'http://api.localhost/x', 'http://[::ffff:10.0.0.1]/x', 'http://[::127.0.0.1]/x']) {
      expect(refusedTarget(url, 'public')).toMatch(/not a public/);
      expect(refusedTarget(url, 'any')).toBeNull();
    }
    // Names are judged when a delivery connects, by what they resolve to.
    expect(refusedTarget('https://hooks.example.com/ar', 'public')).toBeNull();
    expect(refusedTarget('https://8.8.8.8/ar', 'public')).toBeNull();
  });

  it('refuses link-local and cloud metadata addresses under either policy, IPv4-compatible and mapped forms included', () => {
    for (const url of [
      'http://169.254.169.254/latest/meta-data',
      'http://169.254.170.2/v2/credentials',
      'http://[fe80::1]/x',
      'http://[::ffff:169.254.169.254]/x',
      'http://[::a9fe:a9fe]/x',
      'http://[fd00:ec2::254]/latest',
      'http://100.100.100.200/latest/meta-data',
      'http://0.0.0.0:8080/x',
    ]) {
      expect(refusedTarget(url, 'any')).toMatch(/not a public address/);
      expect(refusedTarget(url, 'public')).toMatch(/not a public/);
    }
    expect(isLinkLocalOrMetadata('127.0.0.1')).toBe(false);
    expect(isLinkLocalOrMetadata('10.0.0.1')).toBe(false);
  });
});
