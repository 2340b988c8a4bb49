// Side-by-side diff of two YAML texts (Monaco's diff editor); loaded lazily like YamlEditor.
import { useEffect, useRef } from 'react';
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/languages/definitions/yaml/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

(self as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = { getWorker: () => new EditorWorker() };

export default function YamlDiff({ original, modified, height = 360 }: { original: string; modified: string; height?: number }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current) return undefined;
    const left = monaco.editor.createModel(original, 'yaml');
    const right = monaco.editor.createModel(modified, 'yaml');
    const diff = monaco.editor.createDiffEditor(host.current, {
      readOnly: true, originalEditable: false, automaticLayout: true, minimap: { enabled: false }, renderSideBySide: true,
      scrollBeyondLastLine: false, fontSize: 13, useInlineViewWhenSpaceIsLimited: false,
      // long objects: unchanged stretches fold away so the changes are in view
      hideUnchangedRegions: { enabled: true, contextLineCount: 3, minimumLineCount: 3, revealLineCount: 20 },
    });
    diff.setModel({ original: left, modified: right });
    return () => { diff.dispose(); left.dispose(); right.dispose(); };
  }, [original, modified]);
  return (
    <div>
      <div ref={host} style={{ height, border: '1px solid #d2d2d2' }} data-testid="yaml-diff" />
      {/* both sides as text, for tests and assistive tools */}
      <textarea hidden readOnly value={original} data-testid="yaml-diff-original" />
      <textarea hidden readOnly value={modified} data-testid="yaml-diff-modified" />
    </div>
  );
}
