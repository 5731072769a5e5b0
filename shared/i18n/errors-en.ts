// One entry per error code the core, the CLI or the transport can report: a short title and what to do.
// errors-th.ts has the same keys; the core's own message (naming the file, device or field) is shown beside them.

export const errorsEn = {
  ADB_NOT_FOUND: { title: 'adb not found', todo: 'Install Android platform-tools, or set the adb path in Settings.' },
  ADB_SERVER_UNREACHABLE: {
    title: 'adb server not reachable',
    todo: 'Start the adb server (adb start-server) or check the adb server address in Settings.',
  },
  ADB_START_FAILED: { title: 'adb server did not start', todo: 'Run adb start-server in a terminal to see why, then try again.' },
  BACKEND_UNAVAILABLE: {
    title: 'Training backend not available',
    todo: 'Choose another training backend, or install @tensorflow/tfjs-node on a machine with internet access.',
  },
  BAD_ADB_SERVER: { title: 'Bad adb server address', todo: 'Enter the adb server as HOST:PORT, such as 127.0.0.1:5037.' },
  BAD_ARGUMENTS: { title: 'Wrong arguments', todo: "Check the command's usage with --help and try again." },
  BAD_DEVICE_SETTINGS: {
    title: 'Device settings unreadable',
    todo: 'Fix or delete the settings file named in the message; Sparse Studio recreates it.',
  },
  BAD_OPTION: { title: 'Invalid option value', todo: 'Correct the value named in the message; --help lists the allowed values.' },
  BAD_RESPONSE: {
    title: 'Unexpected answer from the app',
    todo: 'Reload the window; if it happens again, restart Sparse Studio.',
  },
  BENCHMARK_ABORTED: {
    title: 'benchmark_model aborted',
    todo: 'Read the quoted output, then validate the .tflite on This computer.',
  },
  BENCHMARK_ALLOCATE_FAILED: {
    title: 'Tensors could not be allocated',
    todo: 'Close other apps on the phone, or use a smaller model.',
  },
  BENCHMARK_BENCHMARK_FAILED: {
    title: 'Benchmark failed',
    todo: 'Read the quoted output; validate the .tflite on This computer.',
  },
  BENCHMARK_BINARY_NOT_FOUND: { title: 'benchmark_model missing on the phone', todo: 'Push benchmark_model to the phone again.' },
  BENCHMARK_BINARY_PERMISSION_DENIED: {
    title: 'benchmark_model cannot run',
    todo: 'Push it to /data/local/tmp and make it executable (chmod 755).',
  },
  BENCHMARK_BINARY_WRONG_ABI_32BIT: {
    title: 'benchmark_model is for another CPU',
    todo: 'Use the arm64-v8a build for this device.',
  },
  BENCHMARK_BINARY_WRONG_ABI_64BIT: {
    title: 'benchmark_model is for another CPU',
    todo: 'Use the armeabi-v7a build for this device.',
  },
  BENCHMARK_CPU_FALLBACK_DISALLOWED: {
    title: 'Delegate cannot run the whole model',
    todo: 'Allow CPU fallback, or benchmark with XNNPACK only.',
  },
  BENCHMARK_CRASHED_SIGSEGV: {
    title: 'benchmark_model crashed',
    todo: 'Validate the .tflite on This computer, then try again with one thread.',
  },
  BENCHMARK_DELEGATE_FAILED: {
    title: 'Delegate failed',
    todo: 'Benchmark with --xnnpack false to compare, or update benchmark_model.',
  },
  BENCHMARK_EMPTY_OUTPUT: { title: 'benchmark_model printed nothing', todo: 'Run it by hand with adb shell to see why.' },
  BENCHMARK_INCOMPLETE_OUTPUT: {
    title: 'benchmark_model output cut short',
    todo: 'Check the connection to the phone and run the benchmark again.',
  },
  BENCHMARK_INVALID_FLAGS: {
    title: 'benchmark_model refused a flag',
    todo: 'Remove the flag named in the message or use a newer benchmark_model.',
  },
  BENCHMARK_INVOKE_FAILED: {
    title: 'Model failed while running',
    todo: 'Validate the .tflite on This computer first, then convert it again.',
  },
  BENCHMARK_KILLED: {
    title: 'benchmark_model was killed',
    todo: 'The phone ran out of memory or stopped it; close other apps and try again.',
  },
  BENCHMARK_MISSING_GRAPH_FLAG: {
    title: 'benchmark_model got no model',
    todo: 'Give the model file (--graph); Sparse Studio sets it for you when run from the app.',
  },
  BENCHMARK_MODEL_NOT_FOUND: {
    title: '.tflite missing on the phone',
    todo: 'Push the model again; check the device folder has free space.',
  },
  BENCHMARK_NONZERO_EXIT: { title: 'benchmark_model exited with an error', todo: 'Read the quoted output, then try again.' },
  BENCHMARK_PREPARE_FAILED: {
    title: 'Model could not be prepared',
    todo: 'Validate the .tflite on This computer first, then convert it again.',
  },
  BENCHMARK_REGISTRATION_FAILED: { title: 'Operator registration failed', todo: 'Use a newer benchmark_model build.' },
  BENCHMARK_TIMEOUT: {
    title: 'benchmark_model took too long',
    todo: 'Use fewer runs, or check the phone is not asleep or overheating.',
  },
  BENCHMARK_UNSUPPORTED_CUSTOM_OP: {
    title: 'Custom operator not available',
    todo: 'Use a benchmark_model built with that custom operator, or a model without it.',
  },
  BENCHMARK_UNSUPPORTED_OP: {
    title: 'Operator not supported',
    todo: 'Use a newer benchmark_model, or a model without that operator.',
  },
  BENCHMARK_UNSUPPORTED_OP_VERSION: { title: 'Operator version too new', todo: 'Use a newer benchmark_model build.' },
  BINARY_DOWNLOAD_FAILED: {
    title: 'benchmark_model download failed',
    todo: 'Check the internet connection, or give a local benchmark_model with --binary.',
  },
  BINARY_NOT_FOUND: { title: 'benchmark_model file not found', todo: 'Check the path given to --binary.' },
  BLOCK_SPARSITY_SHAPE: {
    title: 'Block sparsity needs a 2-D tensor',
    todo: 'Use a block size of [1, 1] for this layer, or prune a different layer.',
  },
  CANCELLED: { title: 'Cancelled', todo: 'Start the job again when you are ready.' },
  CHROMIUM_NOT_FOUND: {
    title: 'Chromium not found for PDF',
    todo: 'Install Chromium (or Google Chrome), or export HTML and print it to PDF.',
  },
  CLASS_COUNT_MISMATCH: {
    title: 'Model and data set disagree on classes',
    todo: 'Use a data set with as many classes as the model predicts, or a model made for this data set.',
  },
  CONNECT_FAILED: {
    title: 'Could not connect',
    todo: 'Check that the phone and this computer are on the same network and that the address and port are right.',
  },
  CONNECT_NO_ANSWER: {
    title: 'Device does not answer',
    todo: 'Unlock the phone, check Wireless debugging is on, then connect again.',
  },
  CONNECT_REFUSED: {
    title: "The app's server refused the connection",
    todo: 'Restart the browser-mode server and open the address it prints.',
  },
  DATA_BAD_ARCHIVE: { title: 'Archive cannot be read', todo: 'Download the archive again or choose another file.' },
  DATA_BAD_BIN: { title: 'CIFAR binary files are damaged', todo: 'Download the CIFAR-10 binary version again.' },
  DATA_BAD_IMAGE: { title: 'Image cannot be decoded', todo: 'Remove or replace the image named in the message.' },
  DATA_BAD_LIMIT: { title: 'Bad image limit', todo: 'Give a whole number of at least 2.' },
  DATA_CHECKSUM_MISMATCH: { title: 'Not the official archive', todo: 'Download CIFAR-10 again from its official site.' },
  DATA_CLASS_MISMATCH: { title: 'train/ and test/ classes differ', todo: 'Give train/ and test/ the same class folders.' },
  DATA_DOWNLOAD_FAILED: {
    title: 'Data set download failed',
    todo: 'Check the internet connection, or choose a data set already on disk.',
  },
  DATA_EMPTY_CLASS: { title: 'A class has no images', todo: 'Put .jpg, .jpeg or .png images in every class folder.' },
  DATA_NOT_FOUND: { title: 'Data set not found', todo: 'Check the path, or choose the data set again.' },
  DATA_NO_SPLITS: {
    title: 'No train/ and test/ folders',
    todo: 'Arrange the images as train/<class>/*.jpg and test/<class>/*.jpg.',
  },
  DATA_TOO_SMALL: { title: 'Too few images', todo: 'Use more training images (or a higher image limit).' },
  DATA_UNREADABLE: { title: 'Data set cannot be read', todo: 'Check that the files exist and that you may read them.' },
  DATA_UNRECOGNIZED: {
    title: 'Data set layout not recognised',
    todo: 'Use the CIFAR-10 archive or folders laid out as train/<class>/ and test/<class>/.',
  },
  DATA_UNSAFE_ARCHIVE_ENTRY: {
    title: 'Unsafe archive entry refused',
    todo: 'The archive tries to write outside its folder; use a trusted copy.',
  },
  DEVICE_CONNECTION_LOST: {
    title: 'Connection to the device lost',
    todo: 'Check the cable or network, reconnect the phone and try again.',
  },
  DEVICE_NOT_FOUND: {
    title: 'Device not attached',
    todo: 'Plug the phone in (or connect it over the network) and pick it again in Devices.',
  },
  DEVICE_NOT_READY: { title: 'Device not ready', todo: 'Unlock the phone and accept any prompt on it, then try again.' },
  DEVICE_OFFLINE: { title: 'Device offline', todo: 'Unplug and replug the cable, or reconnect over the network.' },
  DEVICE_UNAUTHORIZED: {
    title: 'USB debugging not allowed',
    todo: 'Unlock the phone and accept the "Allow USB debugging?" prompt, then try again.',
  },
  DISCONNECTED: { title: 'Lost the connection to the app', todo: 'Reload the window; if the server stopped, start it again.' },
  FILE_NOT_FOUND: { title: 'File not found', todo: 'Check the path, or choose the file again.' },
  FILE_NOT_READABLE: { title: 'File cannot be read', todo: 'Check that the file exists and that you may read it.' },
  IMPORT_BAD_FILE: {
    title: 'Model file is damaged',
    todo: 'Export the model again from Keras or TF.js and import the new files.',
  },
  IMPORT_BAD_MODEL: { title: 'Model cannot be built', todo: 'Check the model in Keras or TF.js, export it again and import it.' },
  IMPORT_BAD_TOPOLOGY: {
    title: 'Model structure is invalid',
    todo: 'Export the model again; the message names the part that is wrong.',
  },
  IMPORT_INPUT_SIZE: {
    title: 'Model input has no fixed size',
    todo: 'Give the input size with --input-size HxW (or in the import form).',
  },
  IMPORT_NOT_FOUND: { title: 'Model file not found', todo: 'Check the path, or choose the model files again.' },
  IMPORT_NO_MODEL_FILE: { title: 'No model file chosen', todo: 'Choose a model.json, .keras or .h5 file.' },
  IMPORT_NO_TOPOLOGY: {
    title: 'File holds weights only',
    todo: "Import the file that holds the model's structure too (model.json, .keras, or a full .h5).",
  },
  IMPORT_NO_WEIGHTS: {
    title: 'Model has no weights',
    todo: 'Import the weight files too (the .bin shards or model.weights.h5).',
  },
  IMPORT_SHARD_MISSING: {
    title: 'A weight file is missing',
    todo: 'Put every .bin file listed in model.json beside it and import again.',
  },
  IMPORT_SHARD_TRUNCATED: { title: 'A weight file is cut short', todo: 'Copy or download the weight files again.' },
  IMPORT_UNSUPPORTED: {
    title: 'Model uses something unsupported',
    todo: "Replace the layers named in the message, or read the README's list of supported layers.",
  },
  IMPORT_WEIGHTS_MISMATCH: { title: 'Weight shapes do not match', todo: 'Import the weights saved with this very model.' },
  IMPORT_WEIGHTS_MISSING: { title: 'Weights missing for a layer', todo: 'Export the model again with all its weights.' },
  INPUT_SHAPE_MISMATCH: { title: 'Model input does not fit the images', todo: 'Use a model that takes 3-channel (RGB) images.' },
  INTERNAL: { title: 'Unexpected error', todo: 'Try again; if it repeats, report it with the run folder.' },
  INVALID_PAIRING_CODE: {
    title: 'Invalid pairing code',
    todo: 'Enter the 6 digits the phone shows under "Pair device with pairing code".',
  },
  INVALID_PRUNING_SCHEDULE: {
    title: 'Invalid pruning schedule',
    todo: 'Check the pruning settings: sparsities between 0 and 1 and an end step after the begin step.',
  },
  INVALID_REQUEST: { title: 'Invalid request', todo: 'Correct the field named in the message and try again.' },
  MISSING_ARGUMENT: { title: 'Argument missing', todo: 'Give what the message asks for; --help shows the usage.' },
  MISSING_OPTION: { title: 'Option missing', todo: 'Add the option named in the message; --help shows the usage.' },
  MODEL_NOT_FOUND: {
    title: 'Model not found',
    todo: 'Check the run folder or file, or run the step that writes the model first.',
  },
  MODEL_UNREADABLE: { title: 'Model cannot be read', todo: 'Run the step that wrote the model again.' },
  NOT_A_FOLDER: { title: 'Not a folder', todo: "Choose the run's folder, not a file inside it." },
  NOT_A_RUN: { title: 'Not a run folder', todo: 'Choose a folder made by Sparse Studio (it holds run.json).' },
  NOT_A_RUN_FOLDER: { title: 'Not a run folder', todo: 'Choose a folder made by Sparse Studio (it holds run.json).' },
  NOT_IN_WORKSPACE: {
    title: 'Run is outside the workspace',
    todo: 'Only runs of the workspace can be moved to its trash; remove this one from the list instead.',
  },
  NOT_OPENED: { title: 'Run was not opened here', todo: 'Open the run folder first with "Open run folder…".' },
  NO_CPU_CLUSTERS: { title: 'CPU cores unknown', todo: 'Run without --big-cores on this device.' },
  NO_DEVICE: { title: 'No phone ready', todo: 'Plug in a phone with USB debugging allowed, or connect one over the network.' },
  NO_FOLDER_DIALOG: { title: 'No folder dialog here', todo: "Type the run folder's full path instead." },
  NO_TOKEN: { title: 'Access token missing', todo: 'Open the exact address the server printed (it includes the token).' },
  PAIR_FAILED: {
    title: 'Pairing failed',
    todo: 'Check the pairing code and port on the phone (they change each time) and pair again.',
  },
  PAIR_TIMEOUT: {
    title: 'Pairing got no answer',
    todo: 'Keep the pairing dialog open on the phone and check the address, then pair again.',
  },
  PAIR_UNSUPPORTED: { title: 'This adb cannot pair', todo: 'Install platform-tools 30 or newer and set its adb in Settings.' },
  PRUNING_CONFIG: { title: 'Invalid pruning settings', todo: 'Correct the pruning setting named in the message.' },
  PRUNING_SPARSITY_NAN: { title: 'Pruning schedule gives no sparsity', todo: 'Make the end step later than the begin step.' },
  PRUNING_STEP_NOT_INITIALISED: { title: 'Pruning step not started', todo: 'Start pruning from the beginning again.' },
  PUSH_PERMISSION_DENIED: {
    title: 'Cannot write on the phone',
    todo: 'Check the device folder is writable (the default /data/local/tmp is).',
  },
  PUSH_TIMEOUT: { title: 'Copying to the phone took too long', todo: 'Check the cable or network and try again.' },
  RELATIVE_RUN_FOLDER: { title: 'Run folder path is relative', todo: "Enter the run folder's full path." },
  RELATIVE_WORKSPACE: { title: 'Workspace path is relative', todo: "Enter the workspace folder's full path." },
  REPORT_INVALID: { title: 'Report file is invalid', todo: 'Build the report again from the run folder.' },
  RUN_BUSY: { title: 'Run still running', todo: 'Wait for it to finish or cancel it first.' },
  RUN_DIR_UNWRITABLE: {
    title: 'Run folder cannot be created',
    todo: 'Choose a folder you may write to, or free some disk space.',
  },
  RUN_FOLDER_MISSING: { title: 'Run folder does not exist', todo: 'Check the path, or choose the folder again.' },
  RUN_NOT_FOUND: { title: 'Run not found', todo: 'Check the run folder; it may have been moved or deleted.' },
  RUN_SCHEMA: {
    title: 'Run from another version',
    todo: 'Open it with the Sparse Studio version that wrote it, or update Sparse Studio.',
  },
  RUN_UNREADABLE: { title: 'run.json is damaged', todo: 'Restore run.json from a backup, or run the steps again.' },
  TFLITE_CORRUPT: { title: 'Not a valid .tflite file', todo: 'Convert the model again or use another .tflite file.' },
  TFLITE_EMPTY_MODEL: { title: 'Model computes nothing', todo: 'Add layers that compute something before converting.' },
  TFLITE_EXTERNAL_BUFFERS: {
    title: 'Model over 2 GB not supported',
    todo: 'Use a smaller model; files with external buffers cannot be rewritten.',
  },
  TFLITE_INFER_FAILED: {
    title: 'TFLite runtime failed',
    todo: 'Check the model runs in TFLite; validate it again, or convert it again.',
  },
  TFLITE_INPUT_SIZE: { title: 'Wrong input size', todo: 'Give images of the size the model takes.' },
  TFLITE_LOAD_FAILED: {
    title: 'TFLite runtime cannot load the file',
    todo: 'Convert the model again, or use a .tflite made for the TFLite runtime.',
  },
  TFLITE_QUANTIZED: { title: 'Quantized model', todo: 'Use the float (unquantized) .tflite: sparse inference is float only.' },
  TFLITE_RUNTIME_MISSING: {
    title: 'TFLite runtime not installed',
    todo: 'Reinstall Sparse Studio (npm ci) so "This computer" can run .tflite files.',
  },
  TFLITE_UNSUPPORTED_FIELD: {
    title: 'Unknown .tflite field',
    todo: 'Update Sparse Studio, or convert the model with an older converter.',
  },
  TFLITE_UNSUPPORTED_LAYER: {
    title: 'Layer cannot be converted',
    todo: 'Replace the layer named in the message, or use check-xnnpack --fix.',
  },
  TIMEOUT: { title: 'Took too long and was stopped', todo: 'Try again with fewer runs, or a smaller model.' },
  UI: { title: 'Error in the app window', todo: 'Reload the window; if it repeats, report it.' },
  UNEXPECTED: { title: 'Unexpected error', todo: 'Try again; if it repeats, report it with the run folder.' },
  UNKNOWN_ABI: {
    title: 'Device CPU type unknown',
    todo: 'Check the phone with adb shell getprop ro.product.cpu.abilist, or give --binary.',
  },
  UNKNOWN_COMMAND: { title: 'Unknown command', todo: 'Update the app so its window and core match.' },
  UNKNOWN_PRUNING_POLICY: { title: 'Unknown pruning policy', todo: 'Use PruneForLatencyOnXNNPack, the only policy.' },
  UNSUPPORTED_ABI: {
    title: 'Device CPU not supported',
    todo: 'Use an arm64-v8a or armeabi-v7a phone, or give your own benchmark_model with --binary.',
  },
  UNTRUSTED_SENDER: { title: 'Request from an unknown page', todo: "Use the app's own window." },
  UPLOAD_NOT_FOUND: { title: 'Upload expired', todo: 'Choose the model files again.' },
  UPLOAD_TOO_LARGE: { title: 'Model files too large', todo: 'Import from a path on disk with the CLI (import MODEL) instead.' },
  VALIDATE_INPUT: { title: 'Wrong validation images', todo: 'Use images of the size the model takes.' },
  VALIDATE_MISMATCH: {
    title: '.tflite does not match the run',
    todo: 'Validate the .tflite against the run it was converted from.',
  },
  WHATIF_NOTHING_TO_PRUNE: { title: 'Nothing to prune', todo: 'Use a model with 1x1 CONV_2D layers, or add --include-fc.' },
  WHATIF_REPORT_MISSING: { title: 'No what-if report', todo: 'Run the what-if again for this file.' },
  WHATIF_UNKNOWN_OPERATOR: {
    title: 'Unknown operator reads a weight',
    todo: 'Leave that weight dense, or use a model without that operator.',
  },
  XNNPACK_POLICY: {
    title: 'Model breaks the XNNPACK policy',
    todo: 'Run check-xnnpack to see why, and --fix to repair what can be repaired.',
  },
} as const;
