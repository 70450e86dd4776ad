import { LangngheError } from '../../core/errors.js';

// Zalo ids (user, OA, app) are 18–19 digit numbers, past 2^53: sent as a JSON number one would
// lose digits in `JSON.parse` (PHP integrations of the OA webhook hit the same with json_decode
// and use JSON_BIGINT_AS_STRING). Zalo sends them as strings today; this keeps them exact if not.
const LONG_ID_VALUE = /("[A-Za-z_]*id"\s*:\s*)(-?\d{16,})(?=\s*[,}\]])/g;

/**
 * Parses a Zalo JSON answer or event with every `…id` field that holds a long number kept as
 * its exact digits (a string). Malformed JSON is `source.bad_response`, naming `where`.
 */
export function parseZaloJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text.replace(LONG_ID_VALUE, '$1"$2"')) as unknown;
  } catch (error) {
    throw new LangngheError(
      'source.bad_response',
      `${where} is not valid JSON: ${(error as Error).message}`,
      { details: { where }, cause: error },
    );
  }
}
