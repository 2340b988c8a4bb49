// Monaco with YAML highlighting; loaded lazily (its own chunk) only by pages that edit YAML.
import { useEffect, useRef } from 'react';
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/languages/definitions/yaml/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

(self as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = { getWorker: () => new EditorWorker() };

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
    e.onDidChangeModelContent(() => changeRef.current(e.getValue()));
    editor.current = e;
    return () => e.dispose();
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
    </div>
  );
}
