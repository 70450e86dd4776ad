import { createHash, timingSafeEqual } from 'node:crypto';

/** The header Zalo signs OA webhook deliveries in: `mac=<hex SHA-256>`. */
export const ZALO_SIGNATURE_HEADER = 'x-zevent-signature';

export interface ZaloSignedDelivery {
  appId: string;
  /** The body exactly as received. */
  rawBody: Buffer;
  /** The event's `timestamp` field, as written in the body. */
  timestamp: string;
  oaSecretKey: string;
}

/**
 * The `mac` Zalo puts in `X-ZEvent-Signature`: a plain SHA-256 (not an HMAC) in hex of the app
 * id, the raw JSON body, the event's `timestamp` and the OA secret key, concatenated in that
 * order (developers.zalo.me, OA webhook overview, "Xác thực"; the OA secret key is the linked
 * OA's, not the app secret).
 */
export function zaloMac(delivery: ZaloSignedDelivery): string {
  return createHash('sha256')
    .update(delivery.appId, 'utf8')
    .update(delivery.rawBody)
    .update(delivery.timestamp, 'utf8')
    .update(delivery.oaSecretKey, 'utf8')
    .digest('hex');
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * True when the header value (`mac=<hex>`; a bare hex digest is accepted too) is the delivery's
 * mac. Both sides are hashed before the comparison, so it takes the same time whatever was sent.
 */
export function isZaloSignatureValid(header: string, delivery: ZaloSignedDelivery): boolean {
  const sent = header.trim().replace(/^mac=/i, '').toLowerCase();
  return timingSafeEqual(digest(sent), digest(zaloMac(delivery)));
}
