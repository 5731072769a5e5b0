import type { VerdictReasonKey } from './verdict-reasons-en';

// Thai reasons of the XNNPACK verdict: the same keys and placeholders as verdict-reasons-en.ts.

export const verdictReasonsTh: Record<VerdictReasonKey, string> = {
  floatQuantized:
    "การอนุมานแบบเบาบาง ของ XNNPACK ใช้ได้กับโมเดล float เท่านั้น: มีเทนเซอร์ที่ถูก quantize {{n}} ตัว (เช่น เทนเซอร์ {{index}} '{{name}}' เป็น {{type}})",
  floatOk: 'น้ำหนักและ activation เป็น float32 (หรือ float16)',
  noCompute: 'โมเดลไม่มีตัวดำเนินการที่คำนวณจริง',
  stemNotConv: 'ตัวดำเนินการคำนวณตัวแรกคือตัวดำเนินการ {{index}} {{op}} ไม่ใช่ CONV_2D',
  stemKernel: 'คอนโวลูชันแรกมีขนาด {{kh}}x{{kw}} ไม่ใช่ 3x3',
  stemStride: 'คอนโวลูชันแรกมี stride {{sh}}x{{sw}} ไม่ใช่ 2',
  stemChannels: 'คอนโวลูชันแรกรับอินพุต {{channels}} ช่องสัญญาณ ไม่ใช่ 3',
  stemPadding:
    'คอนโวลูชันแรกไม่ได้เติมขอบ (padding) เท่ากับ 1 ทุกด้านพอดี (ใช้ ZeroPadding2D(1) + padding="valid"; TF "same" ที่ stride 2 เติม 0/1)',
  stemOk: 'CONV_2D 3x3 stride 2 บน 3 ช่องสัญญาณ เติมขอบ 1 ทุกด้านด้วย PAD ที่รวมเข้าไปได้',
  meanOk: 'ตัวดำเนินการ {{index}} {{op}} เป็นจุดสิ้นสุดของส่วน NCHW',
  meanMissing: 'ไม่มี MEAN บนแกน [1, 2] ของเทนเซอร์ 4 มิติ (GlobalAveragePooling2D ต้องใช้ keepdims=True หรือ MEAN แบบคงที่)',
  padUnfused: 'ตัวดำเนินการ {{index}}: PAD ที่รวมเข้ากับคอนโวลูชัน VALID ตัวถัดไปไม่ได้',
  convNot1x1:
    'ตัวดำเนินการ {{index}}: CONV_2D {{kh}}x{{kw}} stride {{stride}} (หลังชั้นแรก มีเพียงคอนโวลูชัน 1x1 stride 1 ที่ทำงานแบบเบาบาง)',
  depthwiseKernel: 'ตัวดำเนินการ {{index}}: DEPTHWISE_CONV_2D {{kh}}x{{kw}} (รองรับเฉพาะ 3x3 และ 5x5)',
  depthwiseStride: 'ตัวดำเนินการ {{index}}: DEPTHWISE_CONV_2D stride {{sh}}x{{sw}} ไม่รองรับ',
  depthwiseMultiplier: 'ตัวดำเนินการ {{index}}: DEPTHWISE_CONV_2D ที่มี depth multiplier หรือ dilation',
  depthwiseSameStride2: 'ตัวดำเนินการ {{index}}: DEPTHWISE_CONV_2D ที่ใช้ SAME padding กับ stride 2 (ใช้ ZeroPadding2D + valid แทน)',
  depthwisePadding: 'ตัวดำเนินการ {{index}}: DEPTHWISE_CONV_2D {{kh}}x{{kw}} ที่ไม่ได้เติมขอบ {{pad}} ทุกด้าน',
  elementwiseNot4d: 'ตัวดำเนินการ {{index}}: {{op}} บนเทนเซอร์ที่ไม่ใช่ 4 มิติ (XNNPACK ต้องการตัวถูกดำเนินการ 4 มิติ)',
  elementwiseConstant:
    'ตัวดำเนินการ {{index}}: {{op}} กับค่าคงที่บน feature map ขนาด {{h}}x{{w}} (batch norm ที่ไม่ได้รวมเข้าไป หรือ Rescaling?)',
  meanNotSpatial:
    'ตัวดำเนินการ {{index}}: MEAN ที่ไม่ได้หาค่าเฉลี่ยบนความสูงและความกว้างแบบ keep_dims (GlobalAveragePooling2D(keepdims=True))',
  unsupportedOp: 'ตัวดำเนินการ {{index}}: {{op}} ไม่รองรับในการอนุมานแบบเบาบาง (NCHW)',
  opsOk: 'ตัวดำเนินการทั้ง {{n}} ตัวผ่านเงื่อนไข',
  opsNotChecked: 'ยังไม่ได้ตรวจ: ไม่มีชั้นแรกที่ถูกต้อง',
  densifyOk: 'คอนโวลูชัน 1x1 จำนวน {{densified}} จาก {{total}} ตัวอ่านน้ำหนักแบบเบาบาง ผ่าน DENSIFY',
  densifyMissing: 'ไม่มี DENSIFY ของค่าคงที่แบบเบาบาง: XNNPACK จะลองการอนุมานแบบเบาบาง เฉพาะเมื่อเก็บน้ำหนักแบบเบาบาง (แปลงด้วย --sparse)',
  zerosQuantized: 'ยังไม่ได้ตรวจ: น้ำหนักถูก quantize และการอนุมานแบบเบาบาง ใช้ได้กับ float เท่านั้น',
  zerosShare: 'น้ำหนัก {{zeros}} จาก {{params}} ค่าเป็นศูนย์ ({{share}} %; ต้องมากกว่า 66.7 %)',
  zerosNone: 'ไม่พบน้ำหนักของคอนโวลูชัน 1x1',
};
