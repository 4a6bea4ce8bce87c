import {
  contentDisposition,
  normaliseDeclaredType,
  safeFilename,
  sniffContentType,
} from './file-type';

describe('attachment file types', () => {
  test('the magic bytes decide the type, not the name', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    expect(sniffContentType(png)).toBe('image/png');
    expect(sniffContentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffContentType(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe(
      'image/webp',
    );
    expect(sniffContentType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffContentType(Buffer.from('just text, named photo.png'))).toBeNull();
    expect(sniffContentType(Buffer.from('RIFF\x10\x00\x00\x00WAVE', 'latin1'))).toBeNull();
    expect(sniffContentType(Buffer.alloc(0))).toBeNull();
  });

  test('declared types are normalised', () => {
    expect(normaliseDeclaredType('IMAGE/JPG')).toBe('image/jpeg');
    expect(normaliseDeclaredType('application/pdf; charset=binary')).toBe('application/pdf');
  });

  test('file names lose directories and control characters, keep Chinese', () => {
    expect(safeFilename('C:\\Users\\张三\\照片.png')).toBe('照片.png');
    expect(safeFilename('../../etc/passwd')).toBe('passwd');
    expect(safeFilename('a\u0000b\r\n"c".pdf')).toBe('abc.pdf');
    expect(safeFilename('')).toBe('attachment');
    expect([...safeFilename('长'.repeat(300))]).toHaveLength(255);
  });

  test('Content-Disposition carries an ASCII fallback and the UTF-8 name', () => {
    expect(contentDisposition('attachment', '样品 记录(1).pdf')).toBe(
      `attachment; filename="__ __(1).pdf"; filename*=UTF-8''%E6%A0%B7%E5%93%81%20%E8%AE%B0%E5%BD%95%281%29.pdf`,
    );
  });
});
