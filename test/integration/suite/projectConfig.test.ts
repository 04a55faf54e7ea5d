import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor, workspaceUri } from './helpers.js';

describe('.groundwork.json', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(workspaceUri('.groundwork.json'));
  });

  it('is validated against the contributed schema', async () => {
    const uri = workspaceUri('.groundwork.json');
    await vscode.workspace.fs.writeFile(
      uri,
      new TextEncoder().encode('{\n  "severity": { "number": "loud" },\n  "sourcez": ["seeds"]\n}\n'),
    );
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const problems = await waitFor(() => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      return diagnostics.length >= 2 ? diagnostics : undefined;
    }, 'the JSON schema diagnostics');
    const lines = problems.map((problem) => problem.range.start.line).sort();
    assert.deepEqual(lines, [1, 2]);
    assert.ok(
      problems.some((problem) => /not allowed/i.test(problem.message) && problem.range.start.line === 2),
      JSON.stringify(problems.map((problem) => problem.message)),
    );
  });
});
