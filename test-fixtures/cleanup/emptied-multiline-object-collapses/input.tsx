import { useFeatureFlag } from '@common/hooks/useFeatureFlag'

test('renders the module card', () => {
  const { result } = renderHook(() => useFeatureFlag('CFNG_ENABLED'), {
    wrapper: TestWrapper,
    initialProps: {
      defaultFeatureFlagValues: {
        CFNG_ENABLED: true
      }
    }
  })
  expect(result.current).toBe(true)
})
