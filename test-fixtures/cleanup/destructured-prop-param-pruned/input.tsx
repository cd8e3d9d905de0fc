export const NotificationItemField: React.FC<Props> = ({ emailRequired, slackUnsupported, name }) => {
  const emailEnabled = useFeature('email-notifications');
  return (
    <Row name={name}>
      {emailEnabled && <Toggle disabled={emailRequired} />}
      {!slackUnsupported && <Slack />}
    </Row>
  );
};
