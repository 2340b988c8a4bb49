import { describe, expect, it } from 'vitest';
import { completionsAt, pathAt, schemaProblems } from './yamlSchema';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: web
        image: nginx
        `;

describe('the built-in YAML schema', () => {
  it('knows the key path of the cursor from indentation and list items', () => {
    const lines = DEPLOYMENT.split('\n');
    expect(pathAt(lines, lines.length - 1, 8)).toEqual(['spec', 'template', 'spec', 'containers', '[]']);
    expect(pathAt(['spec:', '  '], 1, 2)).toEqual(['spec']);
    expect(pathAt(['spec:', '  template:', '    spec:', '      containers:', '        - name: a', '          '], 5, 10))
      .toEqual(['spec', 'template', 'spec', 'containers', '[]']);
  });

  it('offers container keys inside a container and Deployment spec keys in spec', () => {
    const lines = DEPLOYMENT.split('\n');
    const inContainer = completionsAt(DEPLOYMENT, lines.length - 1, 8);
    expect(inContainer).toContain('readinessProbe');
    expect(inContainer).toContain('volumeMounts');
    const spec = completionsAt('kind: Deployment\nspec:\n  ', 2, 2);
    expect(spec).toContain('replicas');
    expect(spec).toContain('strategy');
    expect(completionsAt('kind: Service\nspec:\n  ', 2, 2)).toContain('ports');
  });

  it('warns about keys Kubernetes does not know, naming where', () => {
    const problems = schemaProblems(`${DEPLOYMENT.trimEnd()}\n        imagePolicy: Always\n  replica: 3\n`);
    expect(problems.map((p) => p.message)).toEqual([
      'spec.template.spec.containers[0].imagePolicy is not a field Kubernetes knows here',
      'spec.replica is not a field Kubernetes knows here',
    ]);
    expect(schemaProblems(DEPLOYMENT)).toEqual([]);
    expect(schemaProblems('apiVersion: example.com/v1\nkind: Widget\nspec: {anything: 1}\n')).toEqual([]);
  });
});
