/** realtime: createClientSecret and the call actions (accept, hang up, refer, reject), against nock. */
import { testExchanges } from '../support/nockApi';

const MODEL = { __rl: true, mode: 'id', value: 'gpt-realtime' };
const call = { resource: 'realtime', callId: 'rtc_1' };
const secret = { value: 'ek_68af296e8e408191a1120ab6383263c2', expires_at: 1756310470, session: { type: 'realtime', object: 'realtime.session', id: 'sess_1', model: 'gpt-realtime' } };

testExchanges([
	{
		name: 'createClientSecret: session (model, instructions, voice, JSON merged over) and expiry',
		parameters: {
			resource: 'realtime',
			operation: 'createClientSecret',
			model: MODEL,
			sessionInstructions: 'You are a receptionist.',
			sessionOptions: { voice: 'marin', sessionJson: '{"output_modalities":["audio"]}' },
			expiresAfterSeconds: 300,
		},
		method: 'POST',
		path: '/v1/realtime/client_secrets',
		body: {
			expires_after: { anchor: 'created_at', seconds: 300 },
			session: { type: 'realtime', model: 'gpt-realtime', instructions: 'You are a receptionist.', audio: { output: { voice: 'marin' } }, output_modalities: ['audio'] },
		},
		reply: secret,
		output: [secret],
	},
	{
		name: 'acceptCall: the session as body; an empty reply says accepted',
		parameters: { ...call, operation: 'acceptCall', model: MODEL, sessionInstructions: 'Answer in French.' },
		method: 'POST',
		path: '/v1/realtime/calls/rtc_1/accept',
		body: { type: 'realtime', model: 'gpt-realtime', instructions: 'Answer in French.' },
		reply: '',
		output: [{ callId: 'rtc_1', accepted: true }],
	},
	{
		name: 'hangUpCall: no body',
		parameters: { ...call, operation: 'hangUpCall' },
		method: 'POST',
		path: '/v1/realtime/calls/rtc_1/hangup',
		reply: '',
		output: [{ callId: 'rtc_1', hungUp: true }],
	},
	{
		name: 'referCall: the target URI',
		parameters: { ...call, operation: 'referCall', targetUri: 'tel:+14155550123' },
		method: 'POST',
		path: '/v1/realtime/calls/rtc_1/refer',
		body: { target_uri: 'tel:+14155550123' },
		reply: '',
		output: [{ callId: 'rtc_1', referred: true }],
	},
	{
		name: 'rejectCall: the SIP status code',
		parameters: { ...call, operation: 'rejectCall', statusCode: 486 },
		method: 'POST',
		path: '/v1/realtime/calls/rtc_1/reject',
		body: { status_code: 486 },
		reply: '',
		output: [{ callId: 'rtc_1', rejected: true }],
	},
]);
