/** A union application's preparatory group (筹备组) of three, led by 张伟. */
export const PREPARATORY_GROUP = [
  { name: '张伟', role: '筹备组组长' },
  { name: '李娜', role: '成员' },
  { name: '王强', role: '成员' },
];
