test('jest runs TypeScript with decorators', () => {
  function mark(_t: object, _k: string) {}
  class A { @mark x = 1; }
  expect(new A().x).toBe(1);
});
