import type { INodeProperties } from 'n8n-workflow';

import { cancelFields, cancelOperation } from './cancel';
import { compactFields, compactOperation } from './compact';
import { countInputTokensOperation } from './countInputTokens';
import { countInputTokensOptions, createFields, createOperation, inputFields } from './create';
import { deleteFields, deleteOperation } from './delete';
import { getFields, getOperation } from './get';
import { listInputItemsFields, listInputItemsOperation } from './listInputItems';
import { operationSelector } from '../../shared/fields';
import { RESOURCE } from './shared';

export const responseDescription: INodeProperties[] = [
	operationSelector(
		RESOURCE,
		[createOperation, getOperation, deleteOperation, cancelOperation, listInputItemsOperation, countInputTokensOperation, compactOperation],
		'create',
	),
	...inputFields,
	...createFields,
	...countInputTokensOptions,
	...getFields,
	...deleteFields,
	...cancelFields,
	...listInputItemsFields,
	...compactFields,
];
