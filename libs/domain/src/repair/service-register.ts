import { isIsoDate } from '../calendar/civil-time';
import { invalid } from '../shared/decision';
import { nonEmpty } from '../shared/guards';
import { REPAIR_CHANNELS, type ServiceRegisterEntry } from './repair.types';
import { SERVICE_KINDS } from './service-kind';

/**
 * One line of the service register 服务登记簿 as CS writes it (001 §7), checked and normalised:
 * the service kind (001 §6) and the channel from their lists, the problem and the product model
 * always; the customer's name, address, phone, the spec and the purchase date and place unless
 * the service is internal (D, no customer). `field` prefixes the field a refusal names
 * (`entry.address` on OpenRepair, `command.address` on a complaint's RegisterRepair).
 */
export function serviceRegisterEntry(
  e: Partial<ServiceRegisterEntry> | undefined,
  field = 'entry.',
): ServiceRegisterEntry {
  if (!e || !e.serviceKind || !SERVICE_KINDS.includes(e.serviceKind))
    throw invalid(`${field}serviceKind must be one of ${SERVICE_KINDS.join(', ')} (001 §6)`, {
      field: `${field}serviceKind`,
    });
  if (!e.channel || !REPAIR_CHANNELS.includes(e.channel))
    throw invalid(`${field}channel must be one of ${REPAIR_CHANNELS.join(', ')}`, {
      field: `${field}channel`,
    });
  const problem = nonEmpty(e.problem as string, `${field}problem`);
  const productModel = nonEmpty(e.productModel as string, `${field}productModel`);
  // D (internal) has no customer: the customer fields and the purchase are optional.
  if (e.serviceKind !== 'D') {
    nonEmpty(e.customerName as string, `${field}customerName`);
    nonEmpty(e.address as string, `${field}address`);
    nonEmpty(e.phone as string, `${field}phone`);
    nonEmpty(e.spec as string, `${field}spec`);
    nonEmpty(e.purchasePlace as string, `${field}purchasePlace`);
  }
  if (e.serviceKind !== 'D' || e.purchaseDate) {
    if (!isIsoDate(e.purchaseDate as string))
      throw invalid(`${field}purchaseDate must be a date YYYY-MM-DD`, {
        field: `${field}purchaseDate`,
        value: e.purchaseDate,
      });
  }
  return {
    customerName: e.customerName ?? '',
    address: e.address ?? '',
    phone: e.phone ?? '',
    productModel,
    spec: e.spec ?? '',
    purchaseDate: e.purchaseDate ?? '',
    purchasePlace: e.purchasePlace ?? '',
    serviceKind: e.serviceKind,
    problem,
    channel: e.channel,
  };
}
