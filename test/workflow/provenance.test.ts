/** provenance: check an image as multipart, against nock. */
import { testExchanges } from '../support/nockApi';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const result = {
	object: 'content_provenance_check',
	created_at: 1767225600,
	results: [{ type: 'c2pa', outcome: 'detected', validation_state: 'valid', issuer: 'OpenAI', model: 'gpt-image-1', generated_at: '2026-01-01T00:00:00Z' }],
};

testExchanges([
	{
		name: 'check: the image as multipart under its name',
		parameters: { resource: 'provenance', operation: 'check', binaryPropertyName: 'photo' },
		items: [{ json: {}, binary: { photo: { data: PNG.toString('base64'), fileName: 'photo.png', mimeType: 'image/png' } } }],
		method: 'POST',
		path: '/v1/content_provenance_checks',
		multipart: true,
		body: { file: { filename: 'photo.png', contentType: 'image/png', value: PNG.toString('latin1') } },
		reply: result,
		output: [result],
	},
]);
