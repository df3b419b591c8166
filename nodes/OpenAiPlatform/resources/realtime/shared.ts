import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { collectionField, modelField } from '../../shared/fields';
import { idField, idInPath, optionalIdOf } from '../../shared/ids';
import { modelIdOf, optionalJsonObject } from '../../shared/validation';

export const RESOURCE = 'realtime';

export const callIdField: INodeProperties = idField({
	name: 'callId',
	displayName: 'Call ID',
	placeholder: 'e.g. rtc_u1_9c6574da8b8a41a18da9308f4ad974ce',
	description: 'The incoming SIP call, from the realtime.call.incoming webhook event',
});

/** preSend: the call id in the path of an action, e.g. `callPath('/accept')`. */
export const callPath = (action: string) => idInPath(`/realtime/calls/{id}${action}`, 'callId', 'Call ID');

/** What a call action outputs when the server confirms it with an empty reply, e.g. `{ callId, accepted: true }`. */
export const callConfirmation = (done: string) => (context: IExecuteSingleFunctions): IDataObject => ({ callId: optionalIdOf(context, 'callId'), [done]: true });

const VOICES = ['alloy', 'ash', 'ballad', 'cedar', 'coral', 'echo', 'marin', 'sage', 'shimmer', 'verse'];

/** The session settings a client secret or an accepted call starts with. */
export const sessionFields: INodeProperties[] = [
	modelField({ capability: 'realtime', placeholder: 'e.g. gpt-realtime', defaultModel: 'gpt-realtime', bodyProperty: false }),
	{
		displayName: 'Instructions',
		name: 'sessionInstructions',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'How the model behaves in the session (a system message)',
	},
	collectionField(
		[
			{
				displayName: 'Session (JSON)',
				name: 'sessionJson',
				type: 'json',
				default: '{\n  "output_modalities": ["audio"]\n}',
				description: 'Further session settings as the API takes them (tools, turn detection, transcription, ...), merged over the fields above',
			},
			{
				displayName: 'Voice',
				name: 'voice',
				type: 'options',
				default: 'marin',
				description: 'The voice the model speaks with',
				options: VOICES.map((voice) => ({ name: voice.charAt(0).toUpperCase() + voice.slice(1), value: voice })),
			},
		],
		{ name: 'sessionOptions', displayName: 'Session Options', placeholder: 'Add Option' },
	),
];

/** The realtime session config of `sessionFields`. */
export function sessionFrom(context: IExecuteSingleFunctions): IDataObject {
	const options = context.getNodeParameter('sessionOptions', {}) as { voice?: string; sessionJson?: unknown };
	const instructions = String(context.getNodeParameter('sessionInstructions', '') ?? '').trim();
	const extra = optionalJsonObject(context, 'Session (JSON)', options.sessionJson) ?? {};
	return {
		type: 'realtime',
		model: modelIdOf(context, 'realtime'),
		...(instructions ? { instructions } : {}),
		...(options.voice ? { audio: { output: { voice: options.voice } } } : {}),
		...(extra as IDataObject),
	};
}
