import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import { EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';

export interface EmailProps {
  /** Sender address of every email. */
  emailFrom: string;
  /**
   * Verify this whole domain (DKIM records to publish) instead of the single sender
   * address (a confirmation link mailed to it). `emailFrom` must be in the domain.
   */
  emailDomain?: string;
}

/** The SES identity the functions send from, and the one way to be allowed to send. */
export class Email extends Construct {
  readonly identity: EmailIdentity;

  constructor(scope: Construct, id: string, props: EmailProps) {
    super(scope, id);
    const { emailFrom, emailDomain } = props;
    if (emailDomain !== undefined && !emailFrom.toLowerCase().endsWith(`@${emailDomain.toLowerCase()}`)) {
      throw new Error(`emailFrom ${emailFrom} is not an address of emailDomain ${emailDomain}`);
    }
    this.identity = new EmailIdentity(this, 'Sender', {
      identity: emailDomain === undefined ? Identity.email(emailFrom) : Identity.domain(emailDomain),
    });
  }

  /** Lets `grantee` send (ses:SendEmail, ses:SendRawEmail) through this identity and no other. */
  grantSend(grantee: IGrantable): void {
    this.identity.grantSendEmail(grantee);
  }
}
