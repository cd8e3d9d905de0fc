test('renders the module card', () => {
  const { result } = renderHook(() => false, {
    wrapper: TestWrapper,
    initialProps: {
      defaultFeatureFlagValues: {}
    }
  })
  expect(result.current).toBe(true)
})
