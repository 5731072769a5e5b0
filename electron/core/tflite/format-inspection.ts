import type { Inspection } from './inspect';

function shape(s: number[] | undefined): string {
  return s ? `[${s.join(',')}]` : '';
}

function percent(x: number | undefined): string {
  return x === undefined ? '' : `${(x * 100).toFixed(1)}% zeros`;
}

function options(o: Record<string, unknown>): string {
  return Object.entries(o)
    .filter(([k, v]) => !(k.startsWith('dilation') && v === 1) && v !== false && !(k === 'weights_format' && v === 0))
    .map(([k, v]) => `${k}=${Array.isArray(v) ? `[${v.join(',')}]` : String(v)}`)
    .join(' ');
}

/** Human-readable report of `inspect`. */
export function formatInspection(ins: Inspection): string {
  const lines: string[] = [];
  lines.push(`File:        ${ins.file} (${ins.fileBytes} bytes)`);
  lines.push(`Schema:      version ${ins.schemaVersion}${ins.description ? `, "${ins.description}"` : ''}`);
  for (const m of ins.metadata)
    lines.push(
      `Metadata:    ${m.name} (${m.bytes} bytes)${m.value === undefined ? '' : ` = ${typeof m.value === 'string' ? m.value : JSON.stringify(m.value)}`}`,
    );
  for (const s of ins.signatures) {
    const maps = (xs: { name: string; tensorIndex: number }[]) => xs.map((x) => `${x.name}->${x.tensorIndex}`).join(', ');
    lines.push(`Signature:   ${s.key} (subgraph ${s.subgraphIndex}) inputs ${maps(s.inputs)}; outputs ${maps(s.outputs)}`);
  }
  const codeCounts = new Map<string, number>();
  for (const c of ins.operatorCodes)
    codeCounts.set(`${c.name} v${c.version}`, (codeCounts.get(`${c.name} v${c.version}`) ?? 0) + 1);
  const codes = [...codeCounts].map(([name, n]) => (n > 1 ? `${name} (x${n})` : name));
  lines.push(`Op codes:    ${ins.operatorCodes.length}: ${codes.join(', ')}`);
  lines.push(`Buffers:     ${ins.buffers.count} (${ins.buffers.nonEmpty} with data, ${ins.buffers.dataBytes} bytes)`);
  ins.subgraphs.forEach((sg, s) => {
    lines.push('', `Subgraph ${s} "${sg.name}": inputs ${shape(sg.inputs)} outputs ${shape(sg.outputs)}`, 'Operators:');
    for (const op of sg.operators) {
      lines.push(
        `  ${String(op.index).padStart(3)} ${op.op}${op.version > 1 ? ` v${op.version}` : ''}  in ${shape(op.inputs)} out ${shape(op.outputs)}  ${options(op.options)}`.trimEnd(),
      );
    }
    lines.push('Tensors:');
    for (const t of sg.tensors) {
      const extras = [
        t.variable ? 'variable (state)' : '',
        t.shapeSignature ? `signature ${shape(t.shapeSignature)}` : '',
        t.bytes ? `${t.bytes} B` : '',
        percent(t.zeroFraction),
        t.quantization
          ? `quant scale ${t.quantization.scale
              .slice(0, 3)
              .map((v) => v.toPrecision(4))
              .join(',')}${t.quantization.scale.length > 3 ? '…' : ''} zp ${t.quantization.zeroPoint.slice(0, 3).join(',')}`
          : '',
        t.sparsity
          ? `SPARSE ${t.sparsity.format} order [${t.sparsity.traversalOrder}] ${t.sparsity.storedValues} stored, index ${t.sparsity.indexTypes.join(' ')}`
          : '',
      ].filter(Boolean);
      lines.push(
        `  ${String(t.index).padStart(3)} ${t.type.padEnd(7)} ${shape(t.shape).padEnd(16)} buf ${String(t.buffer).padEnd(3)} ${t.name}${extras.length ? `  (${extras.join('; ')})` : ''}`,
      );
    }
  });
  lines.push('', 'Largest tensors:');
  for (const t of ins.sizeByTensor.slice(0, 8))
    lines.push(`  ${String(t.bytes).padStart(9)} B ${(t.share * 100).toFixed(1).padStart(5)}%  ${t.name}`);
  const v = ins.sparseInference;
  lines.push('', `XNNPACK sparse inference: ${v.eligible ? 'ELIGIBLE' : 'NOT ELIGIBLE'}`);
  for (const r of v.rules) lines.push(`  [${r.pass ? 'ok' : 'FAIL'}] ${r.title}: ${r.reason}`);
  return lines.join('\n');
}
