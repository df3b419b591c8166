import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { idLocatorField } from '../../shared/fields';
import { idField, optionalIdOf, pathWithIds } from '../../shared/ids';

export const RESOURCE = 'container';

export const containerLocator: INodeProperties = idLocatorField({
	name: 'containerId',
	displayName: 'Container',
	searchListMethod: 'searchContainers',
	placeholder: 'e.g. cntr_682e30645a488191b6363a0cbefc0f0a',
	description: 'The code interpreter container',
});

export const containerFileIdField: INodeProperties = idField({
	name: 'containerFileId',
	displayName: 'Container File ID',
	placeholder: 'e.g. cfile_682e0e8a43c88191a7978f477a09bdf5',
	description: 'The ID of a file in the container, e.g. from the output of List Files or a code interpreter citation',
});

const LABELS = { containerId: 'Container', containerFileId: 'Container File ID' };

/** preSend: the container (and file) ids in the path, e.g. `containerPath('/files/{containerFileId}')`. */
export const containerPath = (suffix = '') => pathWithIds(`/containers/{containerId}${suffix}`, LABELS);

/** What a delete outputs when the server confirms it with an empty reply. */
export const deletedItem = (object: string, name: string) => (context: IExecuteSingleFunctions): IDataObject => ({
	id: optionalIdOf(context, name),
	object,
	deleted: true,
});
