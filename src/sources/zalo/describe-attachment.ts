/** What a citizen sent besides text (an image, a sticker, a place…), as Zalo describes it. */
export interface ZaloAttachment {
  /** `image`, `gif`, `sticker`, `link`, `location`, `file`, `audio`, `video`… (webhook) or
   * `photo`, `voice`, `nosupport`… (conversation API). */
  type: string;
  url?: string;
  name?: string;
  description?: string;
  latitude?: string | number;
  longitude?: string | number;
}

const LABELS: Readonly<Record<string, string>> = {
  image: 'ảnh',
  photo: 'ảnh',
  gif: 'ảnh động',
  sticker: 'nhãn dán',
  link: 'liên kết',
  location: 'vị trí',
  file: 'tệp',
  audio: 'âm thanh',
  voice: 'âm thanh',
  video: 'video',
  business_card: 'danh thiếp',
};

function isPresent(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

/**
 * A one-line Vietnamese description of an attachment, so a message that is only a photo or a
 * place still says what it was: `[ảnh] https://…`, `[vị trí] 10.76,106.66`, `[tệp] a.pdf https://…`.
 */
export function describeAttachment(attachment: ZaloAttachment): string {
  const label = `[${LABELS[attachment.type] ?? attachment.type}]`;
  if (attachment.latitude !== undefined && attachment.longitude !== undefined)
    return `${label} ${String(attachment.latitude)},${String(attachment.longitude)}`;
  const parts = [attachment.name, attachment.url, attachment.description].filter(isPresent);
  return [label, ...parts].join(' ');
}
