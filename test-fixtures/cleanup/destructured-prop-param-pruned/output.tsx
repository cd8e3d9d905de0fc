export const NotificationItemField: React.FC<Props> = ({ slackUnsupported, name }) => {
  return (
    <Row name={name}>
      {!slackUnsupported && <Slack />}
    </Row>
  );
};
