import { defaultTo, get, isBoolean } from 'lodash-es'
import _ from 'lodash'
import { useFeatureFlag } from '@common/hooks/useFeatureFlag'
import { useToggleRuleMode, useSaveRule } from 'services/lw'

export const GatewayDetails = (props: Props) => {
  const dryRunModeEnabled = useFeatureFlag('CCM_AS_DRY_RUN')
  const { mutate: saveRule } = useSaveRule({ account_id: props.accountId })
  const { mutate: toggleMode } = useToggleRuleMode({
    account_id: props.accountId,
    rule_id: defaultTo(props.originalRuleDetails?.id, 0)
  })

  const handleModeToggle = async (currRuleDetails: Service) => {
    const currentDryrunStatus = get(currRuleDetails, 'opts.dry_run')
    const originalDryrunStatus = _.get(props, 'originalRuleDetails.opts.dry_run')
    if (dryRunModeEnabled && isBoolean(currentDryrunStatus) && currentDryrunStatus !== originalDryrunStatus) {
      await toggleMode({ id: defaultTo(props.originalRuleDetails?.id, 0) })
    }
  }

  const onSave = async (rule: Service) => {
    await handleModeToggle(rule)
    await saveRule(rule)
  }
  return <Form onSubmit={onSave} />
}
