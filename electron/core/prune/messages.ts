// Upstream TFMOT error texts, verbatim (see the reference's pruning_policy.py, pruning_wrapper.py, pruning_impl.py).

export const START_LAYER_MESSAGE =
  'Could not find `Conv2D 3x3` layer with stride 2x2, `input filters == 3` and `VALID` padding and preceding `ZeroPadding2D` with `padding == 1` in all input branches of the model';

/** The guide's (TFMOT v0.6) wording: our converter emits MEAN with keep_dims, so keepdims is required. */
export const END_LAYER_MESSAGE = 'Could not find a `GlobalAveragePooling2D` layer with `keepdims = True` in all output branches';

export const unsupportedLayerMessage = (className: string): string =>
  `Layer ${className} is not supported for the PruneForLatencyOnXNNPack pruning policy`;

export const poolingTypeMessage = (type: string): string => `Unsupported pooling type '${type}'. Should be 'AVG' or 'MAX'.`;

export const unsupportedLayerTypeMessage = (className: string): string =>
  `Please initialize \`Prune\` with a supported layer. Layers should either be supported by the PruneRegistry (built-in keras layers) or should be a \`PrunableLayer\` instance, or should has a customer defined \`get_prunable_weights\` method. You passed: <class '${className}'>`;

export const BLOCK_RANK_MESSAGE = 'Block Sparsity can only be used for layers which have 2-dimensional weights.';

export const MISSING_STEP_CALLBACK_MESSAGE =
  'Prune() wrapper requires the UpdatePruningStep callback to be provided during training. Please add it as a callback to your model.fit call.';
