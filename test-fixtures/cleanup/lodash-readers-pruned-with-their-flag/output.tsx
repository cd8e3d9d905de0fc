import { useSaveRule } from 'services/lw'

export const GatewayDetails = (props: Props) => {
  const { mutate: saveRule } = useSaveRule({ account_id: props.accountId })

  const handleModeToggle = async (currRuleDetails: Service) => {
  }

  const onSave = async (rule: Service) => {
    await handleModeToggle(rule)
    await saveRule(rule)
  }
  return <Form onSubmit={onSave} />
}
