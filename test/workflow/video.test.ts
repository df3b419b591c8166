/** video: generate (multipart, optionally waiting and downloading), get, getAll, delete, getContent and remix, against nock. */
import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { API, binaryBytes, outputOf, runNode, testExchanges } from '../support/nockApi';

const VIDEO = 'video_1';
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const MODEL = byId('sora-2');
const base = { resource: 'video', videoId: byId(VIDEO) };
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const MP4 = Buffer.from('000000186674797069736f6d', 'hex');
const video = (extra: IDataObject = {}) => ({
	id: VIDEO,
	object: 'video',
	model: 'sora-2',
	status: 'queued',
	progress: 0,
	created_at: 1758941485,
	completed_at: null,
	expires_at: null,
	prompt: 'A paper boat',
	size: '1280x720',
	seconds: '8',
	remixed_from_video_id: null,
	error: null,
	...extra,
});

testExchanges([
	{
		name: 'generate: prompt, model, size, seconds and a reference image as multipart; outputs the job',
		parameters: { resource: 'video', operation: 'generate', model: MODEL, videoPrompt: 'A paper boat', options: { size: '1280x720', seconds: '8', referenceImage: 'frame' } },
		items: [{ json: {}, binary: { frame: { data: PNG.toString('base64'), fileName: 'frame.png', mimeType: 'image/png' } } }],
		method: 'POST',
		path: '/v1/videos',
		multipart: true,
		body: {
			prompt: { value: 'A paper boat' },
			model: { value: 'sora-2' },
			size: { value: '1280x720' },
			seconds: { value: '8' },
			input_reference: { filename: 'frame.png', contentType: 'image/png', value: PNG.toString('latin1') },
		},
		reply: video(),
		output: [video()],
	},
	{ name: 'get', parameters: { ...base, operation: 'get' }, method: 'GET', path: `/v1/videos/${VIDEO}`, reply: video(), output: [video()] },
	{
		name: 'getAll: oldest first, up to the limit',
		parameters: { resource: 'video', operation: 'getAll', limit: 3, options: { order: 'asc' } },
		method: 'GET',
		path: '/v1/videos?order=asc&limit=3',
		reply: { object: 'list', data: [video()], first_id: VIDEO, last_id: VIDEO, has_more: false },
		output: [video()],
	},
	{
		name: 'delete',
		parameters: { ...base, operation: 'delete' },
		method: 'DELETE',
		path: `/v1/videos/${VIDEO}`,
		reply: { id: VIDEO, object: 'video.deleted', deleted: true },
		output: [{ id: VIDEO, object: 'video.deleted', deleted: true }],
	},
	{
		name: 'getContent: the thumbnail as binary data',
		parameters: { ...base, operation: 'getContent', variant: 'thumbnail', binaryPropertyOutput: 'thumb' },
		method: 'GET',
		path: `/v1/videos/${VIDEO}/content?variant=thumbnail`,
		reply: Buffer.from('RIFF0000WEBP'),
		headers: { 'content-type': 'image/webp' },
		output: [{ id: VIDEO, variant: 'thumbnail' }],
		binary: { thumb: { fileName: `${VIDEO}-thumbnail.webp`, mimeType: 'image/webp' } },
	},
	{
		name: 'remix: the prompt',
		parameters: { ...base, operation: 'remix', videoPrompt: 'Make it night' },
		method: 'POST',
		path: `/v1/videos/${VIDEO}/remix`,
		body: { prompt: 'Make it night' },
		reply: video({ id: 'video_2', remixed_from_video_id: VIDEO }),
		output: [video({ id: 'video_2', remixed_from_video_id: VIDEO })],
	},
]);

describe('video.generate with Wait for Video', () => {
	it('polls until the video is completed, then downloads it as binary data', async () => {
		const scope = nock(API)
			.post('/v1/videos')
			.reply(200, video())
			.get(`/v1/videos/${VIDEO}`)
			.reply(200, video({ status: 'completed', progress: 100 }))
			.get(`/v1/videos/${VIDEO}/content`)
			.reply(200, MP4, { 'content-type': 'video/mp4' });
		const result = await runNode({ resource: 'video', operation: 'generate', model: MODEL, videoPrompt: 'A paper boat', options: { wait: true, binaryPropertyOutput: 'video' } });
		expect(result.error?.message).toBeUndefined();
		scope.done();
		const [item] = outputOf(result);
		expect(item.json).toEqual(video({ status: 'completed', progress: 100 }));
		expect(item.binary?.video).toMatchObject({ fileName: `${VIDEO}.mp4`, mimeType: 'video/mp4' });
		expect(await binaryBytes(item.binary?.video)).toEqual(MP4);
	});

	it('fails the item with the reason when the video failed', async () => {
		nock(API).post('/v1/videos').reply(200, video({ status: 'failed', error: { code: 'moderation_blocked', message: 'The prompt was blocked' } }));
		const result = await runNode({ resource: 'video', operation: 'generate', model: MODEL, videoPrompt: 'A paper boat', options: { wait: true } });
		expect(result.error?.message).toBe('The video failed: The prompt was blocked');
	});

	it('refuses a reference image that is not an image before sending', async () => {
		const items = [{ json: {}, binary: { frame: { data: Buffer.from('hi').toString('base64'), fileName: 'notes.txt', mimeType: 'text/plain' } } }];
		const result = await runNode({ resource: 'video', operation: 'generate', model: MODEL, videoPrompt: 'A boat', options: { referenceImage: 'frame' } }, items);
		expect(result.error?.message).toBe('Reference Image: "notes.txt" (text/plain) is not an accepted file type');
	});
});
