// Editor check for image operations: the options offered follow the chosen
// model (DALL·E 2, DALL·E 3 and GPT Image each have their own sizes, quality
// and extras). Runs in the NDV that editor.mjs left open on our node.

/** The display names the Options collection offers in its "Add option" list. */
async function optionNames(page) {
	const add = page.locator('[data-test-id="collection-parameter-add"]:visible').first();
	await add.click();
	await page.locator('.el-select-dropdown__item:visible').first().waitFor();
	await page.waitForTimeout(400); // the dropdown fades in
	const names = (await page.locator('.el-select-dropdown__item:visible').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
	await page.keyboard.press('Escape');
	return names;
}

async function pickModel(page, model) {
	const locator = page.getByTestId('resource-locator-model');
	await locator.getByTestId('rlc-input').click();
	await page.getByTestId('rlc-search').fill(model);
	await page.getByTestId('rlc-item').filter({ hasText: new RegExp(`^\\s*${model.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) }).click();
}

export async function checkImageFields({ page, step, expect, shot }) {
	const picked = await step('editor: switch the node to Image › Generate', async () => {
		await page.getByTestId('parameter-input-resource').click();
		await page.locator('.el-select-dropdown__item:visible').filter({ has: page.getByText('Image', { exact: true }) }).click();
		await page.getByTestId('parameter-input-operation').click();
		await page.locator('.el-select-dropdown__item:visible').filter({ has: page.getByText('Generate', { exact: true }) }).click();
		await page.getByTestId('resource-locator-model').waitFor();
	});
	if (!picked) return;

	await step('editor: image options follow the model (dall-e-3, gpt-image-1, dall-e-2)', async () => {
		// "Response Format" (binary or URL) is a field of the DALL-E models only: GPT Image always returns files.
		const responseFormatShown = async () => {
			await page.waitForTimeout(300);
			return page.getByTestId('parameter-input-responseFormat').isVisible();
		};
		await pickModel(page, 'dall-e-3');
		await shot('image-generate');
		const dalle3 = await optionNames(page);
		const dalle3Format = await responseFormatShown();
		await pickModel(page, 'gpt-image-1');
		const gptImage = await optionNames(page);
		const gptImageFormat = await responseFormatShown();
		await shot('image-generate-gpt-image-1');
		await pickModel(page, 'dall-e-2');
		const dalle2 = await optionNames(page);
		const dalle2Format = await responseFormatShown();
		expect(
			dalle3Format && dalle2Format && !gptImageFormat,
			`Response Format shown for dall-e-3: ${dalle3Format}, gpt-image-1: ${gptImageFormat}, dall-e-2: ${dalle2Format}`,
		);
		await page.locator('[data-test-id="collection-parameter-add"]:visible').first().click();
		await page.locator('.el-select-dropdown__item:visible').first().waitFor();
		await page.waitForTimeout(400);
		await shot('image-options-dall-e-2');
		await page.keyboard.press('Escape');
		const has = (list, name) => list.some((n) => n.toLowerCase() === name.toLowerCase());
		const report = `dall-e-3: ${dalle3.join(', ')}\ngpt-image-1: ${gptImage.join(', ')}\ndall-e-2: ${dalle2.join(', ')}`;
		expect(has(dalle3, 'Style') && !has(dalle3, 'Background'), `dall-e-3 options wrong:\n${report}`);
		expect(has(gptImage, 'Background') && has(gptImage, 'Output Format') && !has(gptImage, 'Style'), `gpt-image-1 options wrong:\n${report}`);
		expect(!has(dalle2, 'Style') && !has(dalle2, 'Background') && !has(dalle2, 'Quality'), `dall-e-2 options wrong:\n${report}`);
		return `${report}\nResponse Format field: dall-e-3 and dall-e-2 only\nscreenshots test-results/e2e-editor-image-generate.png, test-results/e2e-editor-image-generate-gpt-image-1.png, test-results/e2e-editor-image-options-dall-e-2.png`;
	});
}
