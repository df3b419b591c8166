import type { IBinaryData, IExecuteSingleFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * The first bytes each image and audio format starts with. A file whose MIME type says one of
 * these formats but whose bytes do not (an HTML error page saved as photo.png, text labelled
 * audio/mpeg) is refused before any request, instead of costing a request and coming back as the
 * API's vaguer "invalid image" error. Formats without a signature (raw PCM) are not checked.
 */
type Signature = (head: Buffer) => boolean;

const startsWith =
	(bytes: number[] | string, offset = 0): Signature =>
	(head) => {
		const expected = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes);
		return head.length >= offset + expected.length && head.subarray(offset, offset + expected.length).equals(expected);
	};
const both =
	(...all: Signature[]): Signature =>
	(head) =>
		all.every((signature) => signature(head));

const PNG = startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = startsWith([0xff, 0xd8, 0xff]);
const GIF: Signature = (head) => startsWith('GIF87a')(head) || startsWith('GIF89a')(head);
const WEBP = both(startsWith('RIFF'), startsWith('WEBP', 8));
const ID3 = startsWith('ID3');
/** An MPEG audio frame: 11 set sync bits. */
const MPEG_FRAME: Signature = (head) => head.length >= 2 && head[0] === 0xff && (head[1] & 0xe0) === 0xe0;
const WAV = both(startsWith('RIFF'), startsWith('WAVE', 8));
const FLAC = startsWith('fLaC');
const OGG = startsWith('OggS');
const WEBM = startsWith([0x1a, 0x45, 0xdf, 0xa3]);
const MP4 = startsWith('ftyp', 4);
/** ADTS AAC: 12 set sync bits, layer 0. */
const AAC: Signature = (head) => head.length >= 2 && head[0] === 0xff && (head[1] & 0xf6) === 0xf0;

const FORMATS: Array<{ name: string; types: string[]; extensions: string[]; matches: Signature[] }> = [
	{ name: 'PNG', types: ['image/png'], extensions: ['.png'], matches: [PNG] },
	{ name: 'JPEG', types: ['image/jpeg', 'image/jpg', 'image/pjpeg'], extensions: ['.jpg', '.jpeg'], matches: [JPEG] },
	{ name: 'GIF', types: ['image/gif'], extensions: ['.gif'], matches: [GIF] },
	{ name: 'WebP', types: ['image/webp'], extensions: ['.webp'], matches: [WEBP] },
	{ name: 'MP3', types: ['audio/mpeg', 'audio/mp3', 'audio/mpga', 'audio/mpeg3', 'audio/x-mpeg-3'], extensions: ['.mp3', '.mpga', '.mpeg'], matches: [ID3, MPEG_FRAME] },
	{ name: 'WAV', types: ['audio/wav', 'audio/x-wav', 'audio/wave', 'audio/vnd.wave'], extensions: ['.wav'], matches: [WAV] },
	{ name: 'FLAC', types: ['audio/flac', 'audio/x-flac'], extensions: ['.flac'], matches: [FLAC, ID3] },
	{ name: 'Ogg', types: ['audio/ogg', 'audio/opus', 'audio/x-opus+ogg'], extensions: ['.ogg', '.oga', '.opus'], matches: [OGG] },
	{ name: 'WebM', types: ['audio/webm', 'video/webm'], extensions: ['.webm'], matches: [WEBM] },
	{ name: 'MP4', types: ['audio/mp4', 'audio/m4a', 'audio/x-m4a', 'video/mp4'], extensions: ['.m4a', '.mp4'], matches: [MP4] },
	{ name: 'AAC', types: ['audio/aac', 'audio/x-aac'], extensions: ['.aac'], matches: [AAC, ID3] },
];

/** How many first bytes are read to tell a format (a stored file: one small read of n8n's binary store). */
export const MAGIC_HEAD_BYTES = 16;

function formatOf(mimeType: string, fileName: string) {
	const type = mimeType.toLowerCase().split(';')[0].trim();
	const byType = FORMATS.find((format) => format.types.includes(type));
	if (byType || (type !== 'application/octet-stream' && type !== '')) return byType;
	// A generic type says nothing: the file name's extension is what the API will go by.
	const extension = fileName.toLowerCase().slice(fileName.lastIndexOf('.'));
	return FORMATS.find((format) => format.extensions.includes(extension));
}

/** The first bytes of a binary property, from the item itself or the first chunk of n8n's binary store. */
async function headOf(context: IExecuteSingleFunctions, binary: IBinaryData): Promise<Buffer> {
	// Base64 held in the item: only the characters that encode the first bytes are decoded.
	if (!binary.id) return Buffer.from((binary.data ?? '').slice(0, Math.ceil(MAGIC_HEAD_BYTES / 3) * 4), 'base64').subarray(0, MAGIC_HEAD_BYTES);
	const stream = (await context.helpers.getBinaryStream(binary.id, MAGIC_HEAD_BYTES)) as AsyncIterable<Buffer> & { destroy?: () => void };
	const chunks: Buffer[] = [];
	let length = 0;
	try {
		for await (const chunk of stream) {
			chunks.push(chunk);
			length += chunk.length;
			if (length >= MAGIC_HEAD_BYTES) break;
		}
	} finally {
		stream.destroy?.();
	}
	return Buffer.concat(chunks).subarray(0, MAGIC_HEAD_BYTES);
}

function printable(head: Buffer): string {
	const text = head.toString('latin1');
	return /^[\x20-\x7e\t\r\n]*$/.test(text) ? `"${text.replace(/\s+/g, ' ').trim()}"` : head.subarray(0, 8).toString('hex').replace(/(..)/g, '$1 ').trim();
}

/**
 * Refuses a binary property whose bytes do not start the way its image or audio MIME type (or,
 * for a generic type, its file extension) says. `field` names the field in the error.
 */
export async function checkMagicBytes(
	context: IExecuteSingleFunctions,
	binary: IBinaryData,
	{ field, fileName, mimeType }: { field: string; fileName: string; mimeType: string },
): Promise<void> {
	const format = formatOf(mimeType, fileName);
	if (!format) return;
	const head = await headOf(context, binary);
	if (format.matches.some((matches) => matches(head))) return;
	throw new NodeOperationError(
		context.getNode(),
		`${field}: "${fileName}" is labelled ${mimeType}, but its bytes are not ${format.name}${head.length ? ` (it starts with ${printable(head)})` : ' (it is empty)'}`,
		{
			itemIndex: context.getItemIndex(),
			description: 'The MIME type comes from the node that made the binary data. Check that it produced the file you meant (not an error page or text), or set the right MIME type.',
		},
	);
}
