// Monaco with YAML highlighting; loaded lazily (its own chunk) only by pages that edit YAML.
import { useEffect, useRef } from 'react';
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/languages/definitions/yaml/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { completionsAt, schemaProblems } from './yamlSchema';

(self as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = { getWorker: () => new EditorWorker() };

// key completion from the built-in schema of the common kinds (offline; see yamlSchema.ts)
monaco.languages.registerCompletionItemProvider('yaml', {
  provideCompletionItems: (model, position) => {
    const word = model.getWordUntilPosition(position);
    const range = { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: word.startColumn, endColumn: word.endColumn };
    const keys = completionsAt(model.getValue(), position.lineNumber - 1, word.startColumn - 1);
    return { suggestions: keys.map((k) => ({ label: k, kind: monaco.languages.CompletionItemKind.Property, insertText: k + ': ', range })) };
  },
});

function checkSchema(model: monaco.editor.ITextModel): void {
  monaco.editor.setModelMarkers(model, 'flotilla-schema', schemaProblems(model.getValue()).map((p) => {
    const a = model.getPositionAt(p.start);
    const b = model.getPositionAt(p.end);
    return { severity: monaco.MarkerSeverity.Warning, message: p.message, startLineNumber: a.lineNumber, startColumn: a.column,
      endLineNumber: b.lineNumber, endColumn: b.column };
  }));
}

interface Props {
  value: string;
  onChange: (value: string) => void;
  height?: number;
  readOnly?: boolean;
}

export default function YamlEditor({ value, onChange, height = 420, readOnly = false }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const changeRef = useRef(onChange);
  changeRef.current = onChange;

  useEffect(() => {
    if (!host.current) return undefined;
    const e = monaco.editor.create(host.current, {
      value, language: 'yaml', automaticLayout: true, minimap: { enabled: false }, readOnly,
      scrollBeyondLastLine: false, fontSize: 13, tabSize: 2,
      // YAML is edited in block style: brackets and quotes the editor adds on its own (closing them,
      // or wrapping a selection in them) end up as stray characters when text is typed or inserted
      // over a selection, so it adds none
      autoClosingBrackets: 'never', autoClosingQuotes: 'never', autoClosingOvertype: 'never', autoSurround: 'never',
    });
    let timer = 0;
    e.onDidChangeModelContent(() => {
      changeRef.current(e.getValue());
      window.clearTimeout(timer);
      timer = window.setTimeout(() => { const m = e.getModel(); if (m) checkSchema(m); }, 300);
    });
    const first = e.getModel();
    if (first) checkSchema(first);
    editor.current = e;
    return () => { window.clearTimeout(timer); e.dispose(); };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const e = editor.current;
    if (e && e.getValue() !== value) e.setValue(value);
  }, [value]);

  // The model's text is mirrored into a hidden textarea so tests and assistive tools can read it.
  return (
    <div>
      <div ref={host} style={{ height, border: '1px solid #d2d2d2' }} data-testid="yaml-editor" />
      <textarea hidden readOnly value={value} data-testid="yaml-text" />
    </div>
  );
}
