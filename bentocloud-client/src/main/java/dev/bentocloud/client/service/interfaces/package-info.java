/**
 * Deployed BentoML services as Java interfaces: {@link BentoService @BentoService}
 * interfaces whose methods are the service's routes, proxies of them calling a
 * {@link dev.bentocloud.client.service.BentoServiceClient}
 * ({@link BentoServiceProxyFactory}), and a check of an interface against the service's
 * {@code /schema.json} ({@link BentoServiceInterfaceVerifier}).
 */
@NullMarked
package dev.bentocloud.client.service.interfaces;

import org.jspecify.annotations.NullMarked;
