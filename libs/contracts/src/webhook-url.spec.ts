import { isPrivateHost, webhookUrlRefusal } from './webhook-url';

describe('issue 11 Notifications: which webhook URLs may be called', () => {
  test('http(s) only, no credentials', () => {
    expect(webhookUrlRefusal('https://hooks.example.com/aso', false)).toBeNull();
    expect(webhookUrlRefusal('http://hooks.example.com:8080/aso?x=1', false)).toBeNull();
    expect(webhookUrlRefusal('hooks.example.com', false)?.refusal).toBe('not_a_url');
    expect(webhookUrlRefusal('ftp://hooks.example.com/', false)?.refusal).toBe('not_http');
    expect(webhookUrlRefusal('https://u:p@hooks.example.com/', false)?.refusal).toBe('credentials');
  });
  test('loopback, private, link-local and mapped addresses are refused unless allowed', () => {
    for (const url of [
      'http://127.0.0.1:9/',
      'http://localhost/',
      'http://a.localhost/',
      'http://10.0.0.1/',
      'http://172.16.5.4/',
      'http://192.168.1.1/',
      'http://169.254.169.254/',
      'http://0.0.0.0/',
      'http://100.64.0.1/',
      'http://[::1]/',
      'http://[fd00::1]/',
      'http://[fe80::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://2130706433/',
      'http://0x7f.0.0.1/',
    ]) {
      expect([url, webhookUrlRefusal(url, false)?.refusal]).toEqual([url, 'private_address']);
      expect([url, webhookUrlRefusal(url, true)]).toEqual([url, null]);
    }
    expect(isPrivateHost('8.8.8.8')).toBe(false);
    expect(isPrivateHost('172.32.0.1')).toBe(false);
    expect(isPrivateHost('2001:4860:4860::8888')).toBe(false);
  });
});
