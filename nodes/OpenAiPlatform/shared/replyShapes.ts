/**
 * What each operation's reply must hold: the fields the operation builds its output from that
 * OpenAI's spec marks required in that reply (`schemas`: the spec's reply schemas, every one of
 * them when the reply may take several shapes). A reply without them ("{}" from a proxy or a
 * half-compatible server) is an error naming what is missing, not an empty success item or an
 * empty list. Fields the spec lets a server leave out are not asked for, so sparse replies pass.
 *
 * Only operations whose reply comes through RoutingNode's own request are listed (checkResponse
 * sees those); binary replies, API Call and the multi-step operations' own requests are not.
 */
export interface ReplyShape {
	/** The spec's method and path, and its reply schemas (test/unit/replyShapes.test.ts checks the fields against them). */
	endpoint: string;
	schemas: string[];
	fields: string[];
}

const chat: ReplyShape = { endpoint: 'POST /chat/completions', schemas: ['CreateChatCompletionResponse'], fields: ['choices'] };
const image = (path: string): ReplyShape => ({ endpoint: `POST /images/${path}`, schemas: ['ImagesResponse'], fields: ['created'] });
const object = (endpoint: string, schema: string): ReplyShape => ({ endpoint, schemas: [schema], fields: ['id'] });
const deleted = (endpoint: string, schema: string): ReplyShape => ({ endpoint, schemas: [schema], fields: ['id', 'deleted'] });
const list = (endpoint: string, schema: string): ReplyShape => ({ endpoint, schemas: [schema], fields: ['data'] });
const response = (endpoint: string): ReplyShape => ({ endpoint, schemas: ['Response'], fields: ['id', 'output'] });

/** By `resource.operation`. */
export const REPLY_SHAPES: Readonly<Record<string, ReplyShape>> = {
	'chat.complete': chat,
	'chat.prompt': chat,
	'chat.edit': chat,
	'chat.analyzeImage': chat,
	'chat.extractData': chat,
	'chat.callFunctions': chat,
	'chat.respondToFunctions': chat,
	'chat.translate': chat,
	'completion.create': { endpoint: 'POST /completions', schemas: ['CreateCompletionResponse'], fields: ['choices'] },
	'response.create': response('POST /responses'),
	'response.get': response('GET /responses/{response_id}'),
	'response.cancel': response('POST /responses/{response_id}/cancel'),
	'response.listInputItems': list('GET /responses/{response_id}/input_items', 'ResponseItemList'),
	'conversation.create': object('POST /conversations', 'ConversationResource'),
	'conversation.get': object('GET /conversations/{conversation_id}', 'ConversationResource'),
	'conversation.update': object('POST /conversations/{conversation_id}', 'ConversationResource'),
	'conversation.delete': deleted('DELETE /conversations/{conversation_id}', 'DeletedConversationResource'),
	'embedding.create': { endpoint: 'POST /embeddings', schemas: ['CreateEmbeddingResponse'], fields: ['data'] },
	'moderation.create': { endpoint: 'POST /moderations', schemas: ['CreateModerationResponse'], fields: ['results'] },
	'image.generate': image('generations'),
	'image.edit': image('edits'),
	'image.createVariation': image('variations'),
	'audio.transcribe': {
		endpoint: 'POST /audio/transcriptions',
		schemas: ['CreateTranscriptionResponseJson', 'CreateTranscriptionResponseDiarizedJson', 'CreateTranscriptionResponseVerboseJson'],
		fields: ['text'],
	},
	'audio.translate': { endpoint: 'POST /audio/translations', schemas: ['CreateTranslationResponseJson', 'CreateTranslationResponseVerboseJson'], fields: ['text'] },
	'file.upload': object('POST /files', 'OpenAIFile'),
	'file.get': object('GET /files/{file_id}', 'OpenAIFile'),
	'file.getAll': list('GET /files', 'ListFilesResponse'),
	'file.delete': deleted('DELETE /files/{file_id}', 'DeleteFileResponse'),
	'model.getAll': list('GET /models', 'ListModelsResponse'),
	'model.get': object('GET /models/{model}', 'Model'),
	'model.delete': deleted('DELETE /models/{model}', 'DeleteModelResponse'),
	'assistant.create': object('POST /assistants', 'AssistantObject'),
	'assistant.get': object('GET /assistants/{assistant_id}', 'AssistantObject'),
	'assistant.update': object('POST /assistants/{assistant_id}', 'AssistantObject'),
	'assistant.delete': deleted('DELETE /assistants/{assistant_id}', 'DeleteAssistantResponse'),
	'assistant.getAll': list('GET /assistants', 'ListAssistantsResponse'),
	'batch.get': object('GET /batches/{batch_id}', 'Batch'),
	'batch.cancel': object('POST /batches/{batch_id}/cancel', 'Batch'),
	'batch.getAll': list('GET /batches', 'ListBatchesResponse'),
	'fineTuning.create': object('POST /fine_tuning/jobs', 'FineTuningJob'),
	'fineTuning.get': object('GET /fine_tuning/jobs/{fine_tuning_job_id}', 'FineTuningJob'),
	'fineTuning.cancel': object('POST /fine_tuning/jobs/{fine_tuning_job_id}/cancel', 'FineTuningJob'),
	'fineTuning.pause': object('POST /fine_tuning/jobs/{fine_tuning_job_id}/pause', 'FineTuningJob'),
	'fineTuning.resume': object('POST /fine_tuning/jobs/{fine_tuning_job_id}/resume', 'FineTuningJob'),
	'fineTuning.getAll': list('GET /fine_tuning/jobs', 'ListPaginatedFineTuningJobsResponse'),
	'fineTuning.listEvents': list('GET /fine_tuning/jobs/{fine_tuning_job_id}/events', 'ListFineTuningJobEventsResponse'),
	'fineTuning.listCheckpoints': list('GET /fine_tuning/jobs/{fine_tuning_job_id}/checkpoints', 'ListFineTuningJobCheckpointsResponse'),
	'vectorStore.create': object('POST /vector_stores', 'VectorStoreObject'),
	'vectorStore.get': object('GET /vector_stores/{vector_store_id}', 'VectorStoreObject'),
	'vectorStore.update': object('POST /vector_stores/{vector_store_id}', 'VectorStoreObject'),
	'vectorStore.delete': deleted('DELETE /vector_stores/{vector_store_id}', 'DeleteVectorStoreResponse'),
	'vectorStore.getAll': list('GET /vector_stores', 'ListVectorStoresResponse'),
	'vectorStore.addFile': object('POST /vector_stores/{vector_store_id}/files', 'VectorStoreFileObject'),
	'vectorStore.listFiles': list('GET /vector_stores/{vector_store_id}/files', 'ListVectorStoreFilesResponse'),
	'vectorStore.removeFile': deleted('DELETE /vector_stores/{vector_store_id}/files/{file_id}', 'DeleteVectorStoreFileResponse'),
	'vectorStore.search': list('POST /vector_stores/{vector_store_id}/search', 'VectorStoreSearchResultsPage'),
};

/** The required fields a reply to `resource.operation` lacks (undefined or null); none for operations not listed. */
export function missingReplyFields(resource: string, operation: string, body: Record<string, unknown>): string[] {
	const shape = REPLY_SHAPES[`${resource}.${operation}`];
	return shape ? shape.fields.filter((field) => body[field] === undefined || body[field] === null) : [];
}
