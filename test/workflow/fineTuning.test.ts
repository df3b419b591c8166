import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { API, captured, outputOf, recordAndReply, runNode, useNock } from '../support/nockApi';

useNock();

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const job = (id: string, extra: IDataObject = {}) => ({
	id,
	object: 'fine_tuning.job',
	model: 'gpt-4.1-mini-2025-04-14',
	status: 'queued',
	created_at: 1700000000,
	training_file: 'file-train',
	...extra,
});
const create = (extra: IDataObject = {}) => ({
	resource: 'fineTuning',
	operation: 'create',
	model: byId('gpt-4.1-mini-2025-04-14'),
	trainingFile: byId('file-train'),
	...extra,
});

describe('fineTuning.create', () => {
	it('sends only model, training file and method for a plain supervised job', async () => {
		const seen = captured();
		nock(API).post('/v1/fine_tuning/jobs').reply(recordAndReply(seen, job('ftjob-1')));
		const result = await runNode(create());
		expect(result.error).toBeUndefined();
		expect(seen.bodies).toEqual([{ model: 'gpt-4.1-mini-2025-04-14', training_file: 'file-train', method: { type: 'supervised' } }]);
		expect(outputOf(result)).toEqual([{ json: job('ftjob-1'), pairedItem: { item: 0 } }]);
	});

	it('sends supervised hyperparameters and every option exactly', async () => {
		const seen = captured();
		nock(API).post('/v1/fine_tuning/jobs').reply(recordAndReply(seen, job('ftjob-2')));
		const params = create({
			hyperparameters: { epochs: 4, batchSize: 16, learningRateMultiplier: 0.5, beta: 0.3, evalSamples: 9 },
			options: {
				validationFile: { __rl: true, mode: 'list', value: 'file-valid' },
				suffix: 'support-bot',
				seed: 7,
				metadata: { pair: [{ key: 'team', value: 'support' }, { key: 'ticket', value: 'T-1' }] },
				integration: { wandb: { project: 'ft-runs', name: 'run one', entity: '', tags: 'a, b,,' } },
			},
		});
		const result = await runNode(params);
		expect(result.error).toBeUndefined();
		expect(seen.bodies).toEqual([
			{
				model: 'gpt-4.1-mini-2025-04-14',
				training_file: 'file-train',
				// beta and eval samples belong to other methods: not sent.
				method: { type: 'supervised', supervised: { hyperparameters: { n_epochs: 4, batch_size: 16, learning_rate_multiplier: 0.5 } } },
				validation_file: 'file-valid',
				suffix: 'support-bot',
				seed: 7,
				metadata: { team: 'support', ticket: 'T-1' },
				integrations: [{ type: 'wandb', wandb: { project: 'ft-runs', name: 'run one', tags: ['a', 'b'] } }],
			},
		]);
	});

	it('sends DPO with beta', async () => {
		const seen = captured();
		const reply = job('ftjob-3', { method: { type: 'dpo', dpo: { hyperparameters: { n_epochs: 2, beta: 0.2 } } } });
		nock(API).post('/v1/fine_tuning/jobs').reply(recordAndReply(seen, reply));
		const result = await runNode(create({ method: 'dpo', hyperparameters: { beta: 0.2, epochs: 2 } }));
		expect(result.error).toBeUndefined();
		expect(seen.bodies).toEqual([
			{
				model: 'gpt-4.1-mini-2025-04-14',
				training_file: 'file-train',
				method: { type: 'dpo', dpo: { hyperparameters: { n_epochs: 2, beta: 0.2 } } },
			},
		]);
		expect(outputOf(result)).toEqual([{ json: reply, pairedItem: { item: 0 } }]);
	});

	it('sends reinforcement with its grader and hyperparameters', async () => {
		const seen = captured();
		const reply = job('ftjob-4', { model: 'o4-mini-2025-04-16' });
		nock(API).post('/v1/fine_tuning/jobs').reply(recordAndReply(seen, reply));
		const grader = { type: 'string_check', name: 'match', input: '{{sample.output_text}}', reference: '{{item.answer}}', operation: 'eq' };
		const params = create({
			model: byId('o4-mini-2025-04-16'),
			method: 'reinforcement',
			grader: JSON.stringify(grader),
			hyperparameters: { computeMultiplier: 2, evalInterval: 5, evalSamples: 3, reasoningEffort: 'high', epochs: 1 },
		});
		const result = await runNode(params);
		expect(result.error).toBeUndefined();
		expect(seen.bodies).toEqual([
			{
				model: 'o4-mini-2025-04-16',
				training_file: 'file-train',
				method: {
					type: 'reinforcement',
					reinforcement: {
						grader,
						hyperparameters: { n_epochs: 1, compute_multiplier: 2, eval_interval: 5, eval_samples: 3, reasoning_effort: 'high' },
					},
				},
			},
		]);
		expect(outputOf(result)).toEqual([{ json: reply, pairedItem: { item: 0 } }]);
	});

	it.each([
		['an empty training file', { trainingFile: byId(' ') }, 'Training File: choose one from the list or enter its ID'],
		['a grader that is not JSON', { method: 'reinforcement', grader: '{"type": ' }, 'Grader: not valid JSON'],
		['a grader of an unknown type', { method: 'reinforcement', grader: '{"type": "vibes"}' }, 'Grader: "type" must be one of string_check, text_similarity, python, score_model, multi'],
		['a grader that is a list', { method: 'reinforcement', grader: '[]' }, 'Grader: must be a JSON object'],
		['a suffix over 64 characters', { options: { suffix: 'x'.repeat(65) } }, 'Suffix: at most 64 characters, got 65'],
		['zero epochs', { hyperparameters: { epochs: 0 } }, 'Epochs: must be a whole number from 1 to 50'],
		['a batch size over 256', { hyperparameters: { batchSize: 300 } }, 'Batch Size: must be a whole number from 1 to 256'],
		['a zero learning rate multiplier', { hyperparameters: { learningRateMultiplier: 0 } }, 'Learning Rate Multiplier: must be a number above 0'],
		['a beta over 2', { method: 'dpo', hyperparameters: { beta: 2.5 } }, 'Beta: must be a number above 0 up to 2'],
		['a negative seed', { options: { seed: -1 } }, 'Seed: must be a whole number from 0 to 2147483647'],
		['17 metadata entries', { options: { metadata: { pair: Array.from({ length: 17 }, (_, i) => ({ key: `k${i}`, value: 'v' })) } } }, 'Metadata: at most 16 pairs are allowed, got 17'],
		['a metadata key over 64 characters', { options: { metadata: { pair: [{ key: 'k'.repeat(65), value: 'v' }] } } }, 'Metadata: the key "kkkkkkkkkkkkkkkkkkkk..." is longer than 64 characters'],
		['Weights & Biases without a project', { options: { integration: { wandb: { project: ' ' } } } }, 'Weights & Biases: the project is required'],
	])('refuses %s before sending anything', async (_, extra, message) => {
		const scope = nock(API).post('/v1/fine_tuning/jobs').reply(200, job('ftjob-x'));
		const result = await runNode(create(extra));
		expect(result.error?.message).toBe(message);
		expect(scope.isDone()).toBe(false);
	});
});

describe('fineTuning.getAll', () => {
	it('walks pages by the last job id (the reply has no last_id) with a metadata filter', async () => {
		const seen = captured();
		nock(API)
			.get('/v1/fine_tuning/jobs')
			.query(true)
			.times(2)
			.reply(
				recordAndReply(seen, (call: number) =>
					call === 0
						? { object: 'list', data: [job('ftjob-1'), job('ftjob-2')], has_more: true }
						: { object: 'list', data: [job('ftjob-3')], has_more: false },
				),
			);
		const params = { resource: 'fineTuning', operation: 'getAll', returnAll: true, filters: { metadata: { pair: [{ key: 'team', value: 'support' }] } } };
		const result = await runNode(params);
		expect(result.error).toBeUndefined();
		expect(seen.paths.map(decodeURIComponent)).toEqual([
			'/v1/fine_tuning/jobs?metadata[team]=support&limit=100',
			'/v1/fine_tuning/jobs?metadata[team]=support&limit=100&after=ftjob-2',
		]);
		expect(outputOf(result).map((item) => item.json.id)).toEqual(['ftjob-1', 'ftjob-2', 'ftjob-3']);
	});
});

describe('fineTuning job operations', () => {
	it.each([
		['get', 'GET', '/v1/fine_tuning/jobs/ftjob-1'],
		['cancel', 'POST', '/v1/fine_tuning/jobs/ftjob-1/cancel'],
		['pause', 'POST', '/v1/fine_tuning/jobs/ftjob-1/pause'],
		['resume', 'POST', '/v1/fine_tuning/jobs/ftjob-1/resume'],
	])('%s sends %s %s without a body and returns the job', async (operation, method, path) => {
		const seen = captured();
		const scope = nock(API).intercept(path, method).reply(recordAndReply(seen, job('ftjob-1', { status: 'cancelled' })));
		const result = await runNode({ resource: 'fineTuning', operation, jobId: byId('ftjob-1') });
		expect(result.error).toBeUndefined();
		scope.done();
		expect(seen.raw).toEqual(['']);
		expect(outputOf(result)).toEqual([{ json: job('ftjob-1', { status: 'cancelled' }), pairedItem: { item: 0 } }]);
	});

	it('refuses an empty job ID', async () => {
		const scope = nock(API).post('/v1/fine_tuning/jobs//cancel').reply(200, {});
		const result = await runNode({ resource: 'fineTuning', operation: 'cancel', jobId: byId('={{ $json.id }}') });
		expect(result.error?.message).toBe('Fine-Tuning Job: choose one from the list or enter its ID');
		expect(scope.isDone()).toBe(false);
	});

	it('lists events over several pages, one item per event', async () => {
		const seen = captured();
		const event = (id: string) => ({ id, object: 'fine_tuning.job.event', created_at: 1, level: 'info', message: `step ${id}` });
		nock(API)
			.get('/v1/fine_tuning/jobs/ftjob-1/events')
			.query(true)
			.times(2)
			.reply(
				recordAndReply(seen, (call: number) =>
					call === 0 ? { object: 'list', data: [event('ev-1'), event('ev-2')], has_more: true } : { object: 'list', data: [event('ev-3')], has_more: false },
				),
			);
		const result = await runNode({ resource: 'fineTuning', operation: 'listEvents', jobId: byId('ftjob-1'), returnAll: true });
		expect(result.error).toBeUndefined();
		expect(seen.paths).toEqual(['/v1/fine_tuning/jobs/ftjob-1/events?limit=100', '/v1/fine_tuning/jobs/ftjob-1/events?limit=100&after=ev-2']);
		expect(outputOf(result).map((item) => [item.json.message, item.pairedItem])).toEqual([
			['step ev-1', { item: 0 }],
			['step ev-2', { item: 0 }],
			['step ev-3', { item: 0 }],
		]);
	});

	const checkpoint = (id: string) => ({ id, object: 'fine_tuning.job.checkpoint', step_number: 10, fine_tuned_model_checkpoint: `ft:x:${id}` });
	const checkpointItems = (ids: string[]) => ids.map((id) => ({ json: checkpoint(id), pairedItem: { item: 0 } }));

	it('lists checkpoints over several pages with Return All, by last_id or else the last checkpoint', async () => {
		const seen = captured();
		const pages = [
			{ object: 'list', data: [checkpoint('cp-1'), checkpoint('cp-2')], first_id: 'cp-1', last_id: 'cp-2', has_more: true },
			{ object: 'list', data: [checkpoint('cp-3')], has_more: true },
			{ object: 'list', data: [checkpoint('cp-4')], last_id: 'cp-4', has_more: false },
		];
		const scope = nock(API)
			.get('/v1/fine_tuning/jobs/ftjob-1/checkpoints')
			.query(true)
			.times(3)
			.reply(recordAndReply(seen, (call: number) => pages[call]));
		const result = await runNode({ resource: 'fineTuning', operation: 'listCheckpoints', jobId: byId('ftjob-1'), returnAll: true });
		expect(result.error).toBeUndefined();
		scope.done();
		expect(seen.paths).toEqual([
			'/v1/fine_tuning/jobs/ftjob-1/checkpoints?limit=100',
			'/v1/fine_tuning/jobs/ftjob-1/checkpoints?limit=100&after=cp-2',
			'/v1/fine_tuning/jobs/ftjob-1/checkpoints?limit=100&after=cp-3',
		]);
		expect(outputOf(result)).toEqual(checkpointItems(['cp-1', 'cp-2', 'cp-3', 'cp-4']));
	});

	it('lists checkpoints across pages up to the Limit, then stops though more remain', async () => {
		const seen = captured();
		const pages = [
			{ object: 'list', data: [checkpoint('cp-1'), checkpoint('cp-2')], last_id: 'cp-2', has_more: true },
			// More than was asked for: the node keeps only what the Limit allows.
			{ object: 'list', data: [checkpoint('cp-3'), checkpoint('cp-4')], last_id: 'cp-4', has_more: true },
			{ object: 'list', data: [checkpoint('cp-5')], has_more: false },
		];
		nock(API)
			.get('/v1/fine_tuning/jobs/ftjob-1/checkpoints')
			.query(true)
			.times(3)
			.reply(recordAndReply(seen, (call: number) => pages[call]));
		const result = await runNode({ resource: 'fineTuning', operation: 'listCheckpoints', jobId: byId('ftjob-1'), returnAll: false, limit: 3 });
		expect(result.error).toBeUndefined();
		expect(seen.paths).toEqual(['/v1/fine_tuning/jobs/ftjob-1/checkpoints?limit=3', '/v1/fine_tuning/jobs/ftjob-1/checkpoints?limit=1&after=cp-2']);
		expect(outputOf(result)).toEqual(checkpointItems(['cp-1', 'cp-2', 'cp-3']));
	});

	it('passes a sparse job through untouched', async () => {
		nock(API).get('/v1/fine_tuning/jobs/ftjob-1').reply(200, { id: 'ftjob-1' });
		const result = await runNode({ resource: 'fineTuning', operation: 'get', jobId: byId('ftjob-1') });
		expect(outputOf(result)).toEqual([{ json: { id: 'ftjob-1' }, pairedItem: { item: 0 } }]);
	});
});
