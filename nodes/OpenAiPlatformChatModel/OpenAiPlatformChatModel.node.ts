import type { IDataObject, INodeType, INodeTypeDescription, ISupplyDataFunctions, SupplyData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { modelSearches } from '../OpenAiPlatform/methods/listSearch';
import { builtInToolsOf } from '../OpenAiPlatform/resources/response/createBody';
import { modelField } from '../OpenAiPlatform/shared/fields';
import { optionsOf } from '../OpenAiPlatform/shared/generation';
import { itemContextOf, subNodeRequestOptionsProperty } from '../OpenAiPlatform/shared/subNode';
import { CREDENTIAL_TYPE, openAiRequest } from '../OpenAiPlatform/shared/transport';
import { fail, locatorValue } from '../OpenAiPlatform/shared/validation';
import type { ApiName } from './options';
import { apiField, builtInToolsField, chatCompletionsOptions, optionsField, responsesOptions } from './options';
import type { SendRequest } from './PlatformChatModel';

export class OpenAiPlatformChatModel implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OpenAI Platform Chat Model',
		name: 'openAiPlatformChatModel',
		icon: { light: 'file:../OpenAiPlatform/openAiPlatform.svg', dark: 'file:../OpenAiPlatform/openAiPlatform.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["api"] === "responses" ? "Responses API" : "Chat Completions API" }}',
		description: 'The chat model of an AI Agent or chain, with your OpenAI Platform credential (organization, project, Base URL)',
		defaults: { name: 'OpenAI Platform Chat Model' },
		inputs: [],
		outputs: [NodeConnectionTypes.AiLanguageModel],
		outputNames: ['Model'],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [
			modelField({ capability: 'chat', bodyProperty: false, defaultModel: 'gpt-4.1-mini' }),
			apiField,
			builtInToolsField,
			optionsField,
			subNodeRequestOptionsProperty,
		],
	};

	methods = { listSearch: { searchChatModels: modelSearches.searchChatModels } };

	async supplyData(this: ISupplyDataFunctions, itemIndex: number): Promise<SupplyData> {
		const context = itemContextOf(this, itemIndex);
		const model = locatorValue(this.getNodeParameter('model', itemIndex));
		if (!model) fail(context, 'Model: choose a model or enter its ID');
		const api = this.getNodeParameter('api', itemIndex, 'chatCompletions') as ApiName;
		const options = optionsOf(context);
		const send: SendRequest = async (url, body) => await openAiRequest(context, { method: 'POST', url, body });
		const body = api === 'responses' ? responsesOptions(context, model, options) : chatCompletionsOptions(context, model, options);
		const builtInTools = api === 'responses' ? (builtInToolsOf(context) as unknown as IDataObject[]) : [];
		// Loaded when the node runs, not when n8n loads the package: the SDK brings LangChain (seconds to load).
		const [{ supplyModel }, { platformChatModel }] = await Promise.all([import('@n8n/ai-node-sdk'), import('./PlatformChatModel')]);
		const chatModel = platformChatModel(model, api, send, body, builtInTools);
		return supplyModel(this, chatModel);
	}
}
