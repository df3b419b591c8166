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
	/**
	 * The spec's method and path, and its success reply's schemas (test/unit/replyShapes.test.ts checks the
	 * fields against them); none when the spec writes the reply's schema in place (e.g. DELETE /evals/{eval_id}).
	 */
	endpoint: string;
	schemas: string[];
	fields: string[];
}

const chat: ReplyShape = { endpoint: 'POST /chat/completions', schemas: ['CreateChatCompletionResponse'], fields: ['choices'] };
const image = (path: string): ReplyShape => ({ endpoint: `POST /images/${path}`, schemas: ['ImagesResponse'], fields: ['created'] });
const object = (endpoint: string, schema: string): ReplyShape => ({ endpoint, schemas: [schema], fields: ['id'] });
const deleted = (endpoint: string, schema: string): ReplyShape => ({ endpoint, schemas: [schema], fields: ['id', 'deleted'] });
const list = (endpoint: string, schema: string): ReplyShape => ({ endpoint, schemas: [schema], fields: ['data'] });
const response = (endpoint: string, schema = 'Response'): ReplyShape => ({ endpoint, schemas: [schema], fields: ['id', 'output'] });
/** Organization costs and usage pages (every usage type's endpoint answers the same UsageResponse). */
const usagePage = (endpoint: string): ReplyShape => list(endpoint, 'UsageResponse');

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
	'fineTuning.createCheckpointPermission': list('POST /fine_tuning/checkpoints/{fine_tuned_model_checkpoint}/permissions', 'ListFineTuningCheckpointPermissionResponse'),
	'fineTuning.getAllCheckpointPermissions': list('GET /fine_tuning/checkpoints/{fine_tuned_model_checkpoint}/permissions', 'ListFineTuningCheckpointPermissionResponse'),
	'fineTuning.deleteCheckpointPermission': deleted(
		'DELETE /fine_tuning/checkpoints/{fine_tuned_model_checkpoint}/permissions/{permission_id}',
		'DeleteFineTuningCheckpointPermissionResponse',
	),
	'fineTuning.runGrader': { endpoint: 'POST /fine_tuning/alpha/graders/run', schemas: ['RunGraderResponse'], fields: ['reward'] },
	'vectorStore.create': object('POST /vector_stores', 'VectorStoreObject'),
	'vectorStore.get': object('GET /vector_stores/{vector_store_id}', 'VectorStoreObject'),
	'vectorStore.update': object('POST /vector_stores/{vector_store_id}', 'VectorStoreObject'),
	'vectorStore.delete': deleted('DELETE /vector_stores/{vector_store_id}', 'DeleteVectorStoreResponse'),
	'vectorStore.getAll': list('GET /vector_stores', 'ListVectorStoresResponse'),
	'vectorStore.addFile': object('POST /vector_stores/{vector_store_id}/files', 'VectorStoreFileObject'),
	'vectorStore.listFiles': list('GET /vector_stores/{vector_store_id}/files', 'ListVectorStoreFilesResponse'),
	'vectorStore.removeFile': deleted('DELETE /vector_stores/{vector_store_id}/files/{file_id}', 'DeleteVectorStoreFileResponse'),
	'vectorStore.search': list('POST /vector_stores/{vector_store_id}/search', 'VectorStoreSearchResultsPage'),
	'vectorStore.getFile': object('GET /vector_stores/{vector_store_id}/files/{file_id}', 'VectorStoreFileObject'),
	'vectorStore.updateFileAttributes': object('POST /vector_stores/{vector_store_id}/files/{file_id}', 'VectorStoreFileObject'),
	'vectorStore.getFileContent': list('GET /vector_stores/{vector_store_id}/files/{file_id}/content', 'VectorStoreFileContentResponse'),
	// Add Files' create request comes through RoutingNode (its polls are read by the operation itself).
	'vectorStore.addFiles': object('POST /vector_stores/{vector_store_id}/file_batches', 'VectorStoreFileBatchObject'),
	'vectorStore.getFileBatch': object('GET /vector_stores/{vector_store_id}/file_batches/{batch_id}', 'VectorStoreFileBatchObject'),
	'vectorStore.cancelFileBatch': object('POST /vector_stores/{vector_store_id}/file_batches/{batch_id}/cancel', 'VectorStoreFileBatchObject'),
	'vectorStore.listFileBatchFiles': list('GET /vector_stores/{vector_store_id}/file_batches/{batch_id}/files', 'ListVectorStoreFilesResponse'),
	'response.compact': response('POST /responses/compact', 'CompactResource'),
	'response.countInputTokens': { endpoint: 'POST /responses/input_tokens', schemas: ['TokenCountsResource'], fields: ['input_tokens'] },
	'conversation.addItems': list('POST /conversations/{conversation_id}/items', 'ConversationItemList'),
	'conversation.listItems': list('GET /conversations/{conversation_id}/items', 'ConversationItemList'),
	// The spec answers an item's delete with the conversation it was in.
	'conversation.deleteItem': object('DELETE /conversations/{conversation_id}/items/{item_id}', 'ConversationResource'),
	'storedCompletion.get': object('GET /chat/completions/{completion_id}', 'CreateChatCompletionResponse'),
	'storedCompletion.update': object('POST /chat/completions/{completion_id}', 'CreateChatCompletionResponse'),
	'storedCompletion.delete': deleted('DELETE /chat/completions/{completion_id}', 'ChatCompletionDeleted'),
	'storedCompletion.getAll': list('GET /chat/completions', 'ChatCompletionList'),
	'storedCompletion.getMessages': list('GET /chat/completions/{completion_id}/messages', 'ChatCompletionMessageList'),
	'container.create': object('POST /containers', 'ContainerResource'),
	'container.get': object('GET /containers/{container_id}', 'ContainerResource'),
	'container.getAll': list('GET /containers', 'ContainerListResource'),
	'container.addFile': object('POST /containers/{container_id}/files', 'ContainerFileResource'),
	'container.getFile': object('GET /containers/{container_id}/files/{file_id}', 'ContainerFileResource'),
	'container.listFiles': list('GET /containers/{container_id}/files', 'ContainerFileListResource'),
	// Generate's create request comes through RoutingNode (its polls and download are read by the operation itself).
	'video.generate': object('POST /videos', 'VideoResource'),
	'video.remix': object('POST /videos/{video_id}/remix', 'VideoResource'),
	'video.get': object('GET /videos/{video_id}', 'VideoResource'),
	'video.getAll': list('GET /videos', 'VideoListResource'),
	'video.delete': deleted('DELETE /videos/{video_id}', 'DeletedVideoResource'),
	'realtime.createClientSecret': { endpoint: 'POST /realtime/client_secrets', schemas: ['RealtimeCreateClientSecretResponse'], fields: ['value'] },
	'provenance.check': { endpoint: 'POST /content_provenance_checks', schemas: ['ProvenanceResource'], fields: ['results'] },
	'eval.create': object('POST /evals', 'Eval'),
	'eval.get': object('GET /evals/{eval_id}', 'Eval'),
	'eval.update': object('POST /evals/{eval_id}', 'Eval'),
	'eval.delete': { endpoint: 'DELETE /evals/{eval_id}', schemas: [], fields: ['eval_id', 'deleted'] },
	'eval.getAll': list('GET /evals', 'EvalList'),
	'eval.createRun': object('POST /evals/{eval_id}/runs', 'EvalRun'),
	'eval.getRun': object('GET /evals/{eval_id}/runs/{run_id}', 'EvalRun'),
	'eval.cancelRun': object('POST /evals/{eval_id}/runs/{run_id}', 'EvalRun'),
	'eval.getAllRuns': list('GET /evals/{eval_id}/runs', 'EvalRunList'),
	'eval.getRunOutputItem': object('GET /evals/{eval_id}/runs/{run_id}/output_items/{output_item_id}', 'EvalRunOutputItem'),
	'eval.getAllRunOutputItems': list('GET /evals/{eval_id}/runs/{run_id}/output_items', 'EvalRunOutputItemList'),
	'voice.create': object('POST /audio/voices', 'VoiceResource'),
	'voice.createConsent': object('POST /audio/voice_consents', 'VoiceConsentResource'),
	'voice.getConsent': object('GET /audio/voice_consents/{consent_id}', 'VoiceConsentResource'),
	'voice.updateConsent': object('POST /audio/voice_consents/{consent_id}', 'VoiceConsentResource'),
	'voice.deleteConsent': deleted('DELETE /audio/voice_consents/{consent_id}', 'VoiceConsentDeletedResource'),
	'voice.getAllConsents': list('GET /audio/voice_consents', 'VoiceConsentListResource'),
	'skill.create': object('POST /skills', 'SkillResource'),
	'skill.get': object('GET /skills/{skill_id}', 'SkillResource'),
	'skill.update': object('POST /skills/{skill_id}', 'SkillResource'),
	'skill.delete': deleted('DELETE /skills/{skill_id}', 'DeletedSkillResource'),
	'skill.getAll': list('GET /skills', 'SkillListResource'),
	'skill.createVersion': object('POST /skills/{skill_id}/versions', 'SkillVersionResource'),
	'skill.getVersion': object('GET /skills/{skill_id}/versions/{version}', 'SkillVersionResource'),
	'skill.deleteVersion': deleted('DELETE /skills/{skill_id}/versions/{version}', 'DeletedSkillVersionResource'),
	'skill.getAllVersions': list('GET /skills/{skill_id}/versions', 'SkillVersionListResource'),
	'chatKit.createSession': object('POST /chatkit/sessions', 'ChatSessionResource'),
	'chatKit.cancelSession': object('POST /chatkit/sessions/{session_id}/cancel', 'ChatSessionResource'),
	'chatKit.getThread': object('GET /chatkit/threads/{thread_id}', 'ThreadResource'),
	'chatKit.deleteThread': deleted('DELETE /chatkit/threads/{thread_id}', 'DeletedThreadResource'),
	'chatKit.getAllThreads': list('GET /chatkit/threads', 'ThreadListResource'),
	'chatKit.getAllThreadItems': list('GET /chatkit/threads/{thread_id}/items', 'ThreadItemListResource'),
	'organization.getAuditLogs': list('GET /organization/audit_logs', 'ListAuditLogsResponse'),
	'organization.getProjects': list('GET /organization/projects', 'ProjectListResponse'),
	'organization.getCosts': usagePage('GET /organization/costs'),
	'organization.getUsage': usagePage('GET /organization/usage/completions'),
};

/** The required fields a reply to `resource.operation` lacks (undefined or null); none for operations not listed. */
export function missingReplyFields(resource: string, operation: string, body: Record<string, unknown>): string[] {
	const shape = REPLY_SHAPES[`${resource}.${operation}`];
	return shape ? shape.fields.filter((field) => body[field] === undefined || body[field] === null) : [];
}
